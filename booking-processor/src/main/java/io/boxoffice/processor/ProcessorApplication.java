package io.boxoffice.processor;

import io.boxoffice.common.web.ProblemAdvice;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The booking-processor: the single writer of every show. Its Kafka Streams topology decides the commands
 * of {@code booking-commands}; its HTTP side answers interactive queries on the stores for the gateway.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProblemAdvice.class)
public class ProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProcessorApplication.class, args);
    }
}
