package io.boxoffice.gateway;

import io.boxoffice.common.web.ProblemAdvice;
import io.boxoffice.common.web.StrictJson;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The one public HTTP entry of Boxoffice: verifies callers, turns requests into Kafka commands. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({ProblemAdvice.class, StrictJson.class})
public class GatewayApplication {
    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
