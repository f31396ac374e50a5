package org.zhenwu.congress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CongressServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CongressServiceApplication.class, args);
    }
}
