package org.zhenwu.document;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jakarta.persistence.Entity;

@AnalyzeClasses(packages = "org.zhenwu.document", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule features_are_free_of_cycles =
            slices().matching("org.zhenwu.document.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule aggregates_know_no_spring_kafka_or_contracts =
            noClasses().that().areAnnotatedWith(Entity.class).should().dependOnClassesThat()
                    .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.zhenwu.contracts..");

    @ArchTest
    static final ArchRule documents_elements_know_no_spring_either =
            noClasses().that().resideInAPackage("org.zhenwu.document.element..")
                    .and().doNotHaveSimpleName("SecrecyRules")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                            "org.zhenwu.contracts..");

    @ArchTest
    static final ArchRule only_the_feature_services_publish_contract_events =
            noClasses().that().resideInAnyPackage("org.zhenwu.document.element..", "org.zhenwu.document.access..",
                            "org.zhenwu.document.attachment..", "org.zhenwu.document.numbering..",
                            "org.zhenwu.document.importing..")
                    .should().dependOnClassesThat().resideInAnyPackage("org.zhenwu.contracts..");

    @ArchTest
    static final ArchRule controllers_go_through_services =
            noClasses().that().areAnnotatedWith(RestController.class)
                    .should().dependOnClassesThat().areAssignableTo(Repository.class);

    @ArchTest
    static final ArchRule only_listeners_and_platform_touch_kafka =
            noClasses().that().resideOutsideOfPackage("org.zhenwu.document.platform..")
                    .and().haveSimpleNameNotEndingWith("Listener")
                    .should().dependOnClassesThat().resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..");
}
