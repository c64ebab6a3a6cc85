package dev.orderflow.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain never imports its adapters: web and messaging call the domain, not the other way round. */
@AnalyzeClasses(packages = "dev.orderflow.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfAdapters = noClasses()
            .that()
            .resideInAnyPackage("dev.orderflow.notification.contacts", "dev.orderflow.notification.notifying")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.orderflow..web..", "dev.orderflow..messaging..", "org.springframework.kafka..");
}
