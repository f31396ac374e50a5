package org.zhenwu.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.zhenwu.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractsArchitectureTest {
    @ArchTest
    static final ArchRule contracts_depend_on_the_jdk_only =
            classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.zhenwu.contracts..");

    @ArchTest
    static final ArchRule every_event_is_a_record_with_a_wire_type =
            classes().that().implement(IntegrationEvent.class).should().beRecords()
                    .andShould().haveOnlyFinalFields();
}
