package dev.orderflow.push;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain never imports its adapters: web, messaging and the push senders call the domain, not the other way round;
 * the domain knows a sender only as a {@code PushSender}.
 */
@AnalyzeClasses(packages = "dev.orderflow.push", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

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
