package io.boxoffice.users;

import io.boxoffice.common.web.ProblemAdvice;
import io.boxoffice.common.web.StrictJson;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * Owns accounts: registration is decided by a Kafka Streams single writer per username, logins read
 * that writer's store, and tokens are RS256 JWTs signed with this service's key.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ProblemAdvice.class, StrictJson.class})
public class UserServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(UserServiceApplication.class, args);
    }
}
