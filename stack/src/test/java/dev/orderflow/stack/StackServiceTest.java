package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackServiceTest {

    @TempDir
    Path root;

    @BeforeEach
    void aBuildWithAuthOrderAndBillingButNoPomForPush() throws Exception {
        Files.writeString(root.resolve("pom.xml"), """
                <modules>
                    <module>order-service</module>
                    <module>auth-service</module>
                    <module>billing-service</module>
                    <module>push-service</module>
                </modules>
                """);
        for (String module :
                new String[] {"auth-service", "order-service", "billing-service", "notification-service"}) {
            Files.createDirectories(root.resolve(module));
            Files.writeString(root.resolve(module).resolve("pom.xml"), "<project/>");
        }
    }

    @Test
    void startsAuthServiceFirst() {
        assertThat(StackService.ALL.getFirst()).isEqualTo(new StackService("auth-service", 8090));
    }

    @Test
    void runsTheModulesOfTheBuildThatHaveAPomInStartOrder() throws Exception {
        assertThat(StackService.selected(root, null))
                .extracting(StackService::module)
                .containsExactly("auth-service", "order-service", "billing-service");
    }

    @Test
    void stackServicesSelectsByNameSeparatedBySpacesOrCommas() throws Exception {
        assertThat(StackService.selected(root, " billing-service,auth-service  order-service "))
                .extracting(StackService::module)
                .containsExactly("auth-service", "order-service", "billing-service");
        assertThat(StackService.selected(root, "billing-service"))
                .extracting(StackService::module)
                .containsExactly("billing-service");
    }

    @Test
    void anEmptyStackServicesMeansAll() throws Exception {
        assertThat(StackService.selected(root, "  ")).hasSize(3);
    }

    @Test
    void aNamedServiceThatIsNotInTheBuildIsSkipped() throws Exception {
        assertThat(StackService.selected(root, "notification-service push-service"))
                .isEmpty();
    }

    @Test
    void everyServiceHasItsOwnPort() {
        assertThat(StackService.ALL).extracting(StackService::port).doesNotHaveDuplicates();
    }
}
