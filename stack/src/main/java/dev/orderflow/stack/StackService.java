package dev.orderflow.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A service of the suite as bin/stack runs it: its module and the HTTP port it serves on. {@link #ALL} is the one list
 * of them, in start order; .ci/compose-check reads the ports from it.
 */
public record StackService(String module, int port) {

    /**
     * Every service, in start order. auth-service first: the others fetch its JWK set to check the tokens they are
     * sent. The ones whose module is not in the build yet are skipped.
     */
    public static final List<StackService> ALL = List.of(
            new StackService("auth-service", 8090),
            new StackService("order-service", 8081),
            new StackService("billing-service", 8082),
            new StackService("notification-service", 8083),
            new StackService("push-service", 8084),
            new StackService("fulfillment-service", 8085));

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

    /**
     * The services to run: those of {@link #ALL} that {@code STACK_SERVICES} names (a list separated by spaces or
     * commas; all when it is empty or unset) and whose module is in the root pom's {@code <modules>} with a pom.xml.
     */
    public static List<StackService> selected(Path root, String stackServices) throws IOException {
        Set<String> wanted = stackServices == null
                ? Set.of()
                : Arrays.stream(SEPARATORS.split(stackServices.strip()))
                        .filter(name -> !name.isEmpty())
                        .collect(Collectors.toSet());
        String rootPom = Files.readString(root.resolve("pom.xml"));
        return ALL.stream()
                .filter(service -> wanted.isEmpty() || wanted.contains(service.module()))
                .filter(service ->
                        Files.isRegularFile(root.resolve(service.module()).resolve("pom.xml")))
                .filter(service -> rootPom.contains("<module>" + service.module() + "</module>"))
                .toList();
    }
}
