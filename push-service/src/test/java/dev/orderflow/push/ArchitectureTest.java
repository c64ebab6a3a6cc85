package dev.orderflow.push;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a Spring Modulith module: no cycles between them, and one uses only what another exposes
 * in its top package. The domain never imports its adapters: web, messaging and the push senders call the domain, not the other way round;
 * the domain knows a sender only as a {@code PushSender}.
 */
@AnalyzeClasses(packages = "dev.orderflow.push", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @Test
    void featuresUseOnlyEachOthersApiAndFormNoCycles() {
        ApplicationModules.of(PushServiceApplication.class).verify();
    }

    @ArchTest
    static final ArchRule domainIsFreeOfAdapters = noClasses()
            .that()
            .resideInAnyPackage("dev.orderflow.push.tokens", "dev.orderflow.push.pushing")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.orderflow..web..",
                    "dev.orderflow..messaging..",
                    "dev.orderflow.push.pushing.log..",
                    "org.springframework.kafka..");
}
