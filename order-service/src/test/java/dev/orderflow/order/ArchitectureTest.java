package dev.orderflow.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a Spring Modulith module: no cycles between them, and one uses only what another exposes
 * in its top package. The domain never imports its adapters: web and messaging call the domain, not the other way round.
 */
@AnalyzeClasses(packages = "dev.orderflow.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @Test
    void featuresUseOnlyEachOthersApiAndFormNoCycles() {
        ApplicationModules.of(OrderServiceApplication.class).verify();
    }

    @ArchTest
    static final ArchRule domainIsFreeOfAdapters = noClasses()
            .that()
            .resideInAnyPackage("dev.orderflow.order.catalog", "dev.orderflow.order.ordering")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.orderflow..web..", "dev.orderflow..messaging..", "org.springframework.kafka..");
}
