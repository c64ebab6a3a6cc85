package dev.orderflow.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The platform serves every service and knows none of them; its mechanisms below the web (dispatch, outbox, inbox,
 * work, database) do not reach up into the web layer.
 */
@AnalyzeClasses(packages = "dev.orderflow.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoService = noClasses()
            .that()
            .resideInAPackage("dev.orderflow.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.orderflow.order..",
                    "dev.orderflow.billing..",
                    "dev.orderflow.notification..",
                    "dev.orderflow.push..",
                    "dev.orderflow.fulfillment..",
                    "dev.orderflow.auth..");

    @ArchTest
    static final ArchRule mechanismsAreFreeOfTheWeb = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.orderflow.platform.dispatch..",
                    "dev.orderflow.platform.outbox..",
                    "dev.orderflow.platform.inbox..",
                    "dev.orderflow.platform.work..",
                    "dev.orderflow.platform.database..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.orderflow.platform.web..", "org.springframework.web..");
}
