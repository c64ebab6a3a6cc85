package dev.orderflow.platform;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A bare application with nothing but the platform, for testing its mechanisms on their own. */
@SpringBootConfiguration
@EnableAutoConfiguration
class PlatformTestApplication {}
