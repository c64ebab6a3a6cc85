package dev.orderflow.fulfillment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a Spring Modulith module: no cycles between them, and one uses only what another exposes
 * in its top package. The domain never imports its adapters, and the delivery mechanism knows target types only through the {@code
 * TargetInvoker} seam: no class outside a target type's own package names it.
 */
@AnalyzeClasses(packages = "dev.orderflow.fulfillment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @Test
    void featuresUseOnlyEachOthersApiAndFormNoCycles() {
        ApplicationModules.of(FulfillmentServiceApplication.class).verify();
    }

    @ArchTest
    static final ArchRule domainIsFreeOfAdapters = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.orderflow.fulfillment.rules",
                    "dev.orderflow.fulfillment.bus",
                    "dev.orderflow.fulfillment.delivery",
                    "dev.orderflow.fulfillment.targets")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.orderflow..web..", "dev.orderflow..messaging..", "org.springframework.kafka.annotation..");

    @ArchTest
    static final ArchRule deliveryKnowsNoTargetType = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.orderflow.fulfillment.delivery..",
                    "dev.orderflow.fulfillment.bus..",
                    "dev.orderflow.fulfillment.rules..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.orderflow.fulfillment.targets.log..", "dev.orderflow.fulfillment.targets.store..");
}
