package dev.paymux.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Assertions;

/**
 * The module boundaries of DESIGN.md, enforced: {@code core} is the framework-free domain, {@code db}
 * implements its ports and never reaches up into {@code api}, and money is never a floating-point number.
 */
@AnalyzeClasses(packages = "dev.paymux", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "dev.paymux.core..";
    private static final String DB = "dev.paymux.db..";
    private static final String API = "dev.paymux.api..";
    private static final String NATIVE = "dev.paymux.onchain..";
    private static final String[] ADAPTERS = {"dev.paymux.cryptomus..", "dev.paymux.soprano..", "dev.paymux.exchanger.."};

    private static final DescribedPredicate<JavaClass> FLOATING_POINT = DescribedPredicate.describe(
            "double, Double, float or Float",
            c -> c.isEquivalentTo(double.class) || c.isEquivalentTo(Double.class)
                    || c.isEquivalentTo(float.class) || c.isEquivalentTo(Float.class));

    private static final DescribedPredicate<List<JavaClass>> ANY_FLOATING_POINT = DescribedPredicate.describe(
            "any of double, Double, float or Float", params -> params.stream().anyMatch(FLOATING_POINT));

    // ---- core: the domain depends on nothing of ours and on no framework ----

    @ArchTest
    static final ArchRule core_does_not_depend_on_db_or_api = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(DB, API)
            .because("dependencies point one way: api -> db -> core");

    @ArchTest
    static final ArchRule core_depends_on_no_other_paymux_module = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat(DescribedPredicate.describe("are Paymux classes outside core",
                    (JavaClass c) -> c.getPackageName().startsWith("dev.paymux.")
                            && !c.getPackageName().equals("dev.paymux.core")
                            && !c.getPackageName().startsWith("dev.paymux.core.")))
            .because("core depends on nothing of ours (DESIGN.md)");

    @ArchTest
    static final ArchRule core_is_free_of_web_jdbc_json_and_http_clients = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..",
                    "tools.jackson..", "com.fasterxml..", "feign..")
            .because("core is the domain: no web, no JDBC, no HTTP clients");

    // ---- db never reaches up into api ----

    @ArchTest
    static final ArchRule db_does_not_depend_on_api = noClasses()
            .that().resideInAPackage(DB)
            .should().dependOnClassesThat().resideInAPackage(API)
            .because("dependencies point one way: api -> db -> core");

    // ---- money is never a double ----

    @ArchTest
    static final ArchRule core_has_no_floating_point_fields = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage(CORE)
            .should().haveRawType(FLOATING_POINT)
            .because("money is BigDecimal with the asset's scale, never double");

    @ArchTest
    static final ArchRule core_methods_return_no_floating_point = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage(CORE)
            .should().haveRawReturnType(FLOATING_POINT)
            .because("money is BigDecimal with the asset's scale, never double");

    @ArchTest
    static final ArchRule core_methods_and_constructors_take_no_floating_point = noCodeUnits()
            .that().areDeclaredInClassesThat().resideInAPackage(CORE)
            .should().haveRawParameterTypes(ANY_FLOATING_POINT)
            .because("money is BigDecimal with the asset's scale, never double");

    @ArchTest
    static final ArchRule core_never_uses_boxed_floating_point = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().belongToAnyOf(Double.class, Float.class)
            .because("money is BigDecimal with the asset's scale, never double");

    @ArchTest
    static final ArchRule core_never_turns_a_big_decimal_into_a_double_or_back = noClasses()
            .that().resideInAPackage(CORE)
            .should().callMethod(BigDecimal.class, "doubleValue")
            .orShould().callMethod(BigDecimal.class, "floatValue")
            .orShould().callMethod(BigDecimal.class, "valueOf", double.class)
            .orShould().callConstructor(BigDecimal.class, double.class)
            .because("a double in between loses cents");

    // ---- db: repositories are reached through core's ports only ----

    @ArchTest
    static final ArchRule jdbc_repositories_are_not_public = classes()
            .that().resideInAPackage("dev.paymux.db")
            .and().haveSimpleNameStartingWith("Jdbc")
            .should().notBePublic()
            .because("the JDBC repositories are wired by db's configuration and used through core's ports");

    // ---- adapters: an adapter depends on core and nothing else of ours, and never on Spring or JDBC ----

    @ArchTest
    static final ArchRule the_native_provider_depends_on_core_only = noClasses()
            .that().resideInAPackage(NATIVE)
            .should().dependOnClassesThat().resideInAnyPackage(DB, API, "org.springframework..", "java.sql..",
                    "javax.sql..")
            .because("an adapter depends on core (the SPI and value types) and nothing else of ours (DESIGN.md)");

    @ArchTest
    static final ArchRule provider_adapters_depend_on_core_only = noClasses()
            .that().resideInAnyPackage(ADAPTERS)
            .should().dependOnClassesThat().resideInAnyPackage(DB, API, NATIVE, "org.springframework..",
                    "java.sql..", "javax.sql..")
            .because("an adapter depends on core (the SPI and value types) and nothing else of ours, and never on "
                    + "another adapter (DESIGN.md)");

    @ArchTest
    static final ArchRule adapters_do_not_reach_into_each_other = noClasses()
            .that().resideInAPackage("dev.paymux.cryptomus..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.paymux.soprano..", "dev.paymux.exchanger..")
            .because("adapters never depend on one another");

    @ArchTest
    static final ArchRule the_native_provider_keeps_money_exact = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage(NATIVE)
            .and().haveNameMatching("(?i).*(amount|value|balance|wei|sat).*")
            .should().haveRawType(FLOATING_POINT)
            .because("amounts read from a chain are exact (BigDecimal or BigInteger)");

    // ---- the rules above must look at real code, not at an empty import ----

    @ArchTest
    static void the_import_sees_every_module_and_no_tests(JavaClasses classes) {
        Assertions.assertTrue(classes.containPackage("dev.paymux.core.payment"), "core imported");
        Assertions.assertTrue(classes.containPackage("dev.paymux.db"), "db imported");
        Assertions.assertTrue(classes.containPackage("dev.paymux.api"), "api imported");
        Assertions.assertTrue(classes.containPackage("dev.paymux.onchain.evm"), "the native provider imported");
        Assertions.assertTrue(classes.containPackage("dev.paymux.cryptomus")
                && classes.containPackage("dev.paymux.soprano") && classes.containPackage("dev.paymux.exchanger"),
                "the provider adapters imported");
        Assertions.assertTrue(classes.contain("dev.paymux.db.JdbcPayments"), "JdbcPayments imported");
        Assertions.assertFalse(classes.contain(ArchitectureTest.class), "test classes are not imported");
    }
}
