package org.kefu.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.kefu.KefuApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries (Spring Modulith) and house rules (ArchUnit). */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.kefu");

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        ApplicationModules modules = ApplicationModules.of(KefuApplication.class);
        modules.verify();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modules"))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    @Test
    void noCatchAllPackages() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..common..").check(CLASSES);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .should().notBePublic().check(CLASSES);
    }

    @Test
    void domainClassesStayFreeOfTheWebLayer() {
        noClasses().that().resideOutsideOfPackages("..web..", "org.kefu.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
                .allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class).check(CLASSES);
    }
}
