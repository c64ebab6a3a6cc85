package dev.orderflow.notification.styles;

import dev.orderflow.notification.NotificationServiceApplication;
import dev.orderflow.platform.interaction.Interaction;
import dev.orderflow.testsupport.TestInfrastructureInitializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Starts services in this test JVM against its Kafka broker and PostgreSQL, on random ports. notification-service is
 * on the test class path; order-service and billing-service are loaded from their modules' {@code target/classes},
 * each in a class loader of its own (so that their {@code application.yml} and migrations, named like this service's,
 * do not meet), with the libraries of this class path.
 */
final class Services {

    private Services() {}

    static ConfigurableApplicationContext notificationService(Interaction style, Map<String, String> properties) {
        return run(NotificationServiceApplication.class, null, style, properties, context -> {});
    }

    static ConfigurableApplicationContext billingService(
            Interaction style, Map<String, String> properties, Consumer<ConfigurableApplicationContext> customizer) {
        return fromModule(
                "billing-service", "dev.orderflow.billing.BillingServiceApplication", style, properties, customizer);
    }

    static ConfigurableApplicationContext orderService(Interaction style, Map<String, String> properties) {
        return fromModule("order-service", "dev.orderflow.order.OrderServiceApplication", style, properties, c -> {});
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    static String url(ConfigurableApplicationContext context) {
        return "http://localhost:" + port(context);
    }

    private static ConfigurableApplicationContext fromModule(
            String module,
            String applicationClass,
            Interaction style,
            Map<String, String> properties,
            Consumer<ConfigurableApplicationContext> customizer) {
        Path classes = moduleClasses(module);
        try {
            URLClassLoader loader =
                    new URLClassLoader(module, new URL[] {classes.toUri().toURL()}, Services.class.getClassLoader());
            Class<?> application = loader.loadClass(applicationClass);
            Map<String, String> own = new java.util.LinkedHashMap<>(properties);
            own.put(
                    "spring.config.location",
                    classes.resolve("application.yml").toUri().toString());
            own.put("spring.flyway.locations", "filesystem:" + classes.resolve("db/migration"));
            return run(application, loader, style, own, customizer);
        } catch (MalformedURLException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + module + " from " + classes, e);
        }
    }

    private static ConfigurableApplicationContext run(
            Class<?> application,
            ClassLoader loader,
            Interaction style,
            Map<String, String> properties,
            Consumer<ConfigurableApplicationContext> customizer) {
        SpringApplication spring = loader == null
                ? new SpringApplication(application)
                : new SpringApplication(new DefaultResourceLoader(loader), application);
        spring.addInitializers(new TestInfrastructureInitializer(), customizer::accept);
        List<String> args = new ArrayList<>();
        args.add("--server.port=0");
        args.add("--orderflow.interaction=" + style);
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (loader != null) {
            thread.setContextClassLoader(loader);
        }
        try {
            return spring.run(args.toArray(String[]::new));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A sibling module's compiled classes; the reactor builds those modules before this one. */
    private static Path moduleClasses(String module) {
        Path classes =
                Path.of("..", module, "target", "classes").toAbsolutePath().normalize();
        if (!Files.isRegularFile(classes.resolve("application.yml"))) {
            throw new UncheckedIOException(new IOException(classes + " has no application.yml: build " + module
                    + " first (./mvnw -pl " + module + " compile)"));
        }
        return classes;
    }
}
