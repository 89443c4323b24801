package dev.paymux.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
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
import dev.paymux.core.spi.PaymentProviderFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md, enforced: {@code core} is the framework-free domain, {@code db}
 * implements its ports and never reaches up into {@code api}, and money is never a floating-point number.
 */
@AnalyzeClasses(packages = "dev.paymux", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "dev.paymux.core..";
    private static final String DB = "dev.paymux.db..";
    private static final String API = "dev.paymux.api..";
    private static final String DASHBOARD = "dev.paymux.dashboard..";
    private static final String NATIVE = "dev.paymux.onchain..";
    /** What adapters share (the HTTP transport, codec, errors and resilience): core's SPI and nothing else of ours. */
    private static final String ADAPTER_SUPPORT = "dev.paymux.adapter..";
    private static final String FACTORY_SERVICE = "META-INF/services/" + PaymentProviderFactory.class.getName();

    /**
     * The provider adapters, discovered rather than listed: the package of every {@link PaymentProviderFactory}
     * the application's classpath registers, so a new adapter falls under the rules below by being added.
     */
    private static final Set<String> ADAPTER_PACKAGES = ServiceLoader.load(PaymentProviderFactory.class).stream()
            .map(provider -> provider.type().getPackageName())
            .collect(Collectors.toCollection(TreeSet::new));
    private static final String[] ADAPTERS = ADAPTER_PACKAGES.stream().map(p -> p + "..").toArray(String[]::new);

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

    // ---- the dashboard reads and changes data through core's ports only ----

    @ArchTest
    static final ArchRule dashboard_depends_on_core_only = noClasses()
            .that().resideInAPackage(DASHBOARD)
            .should().dependOnClassesThat().resideInAnyPackage(DB, API, NATIVE, "java.sql..", "org.springframework.jdbc..")
            .because("dependencies point one way: api -> dashboard-ui -> core; storage is behind core's ports");

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
    static void adapters_do_not_reach_into_each_other(JavaClasses classes) {
        for (String adapter : ADAPTER_PACKAGES) {
            String[] others = ADAPTER_PACKAGES.stream().filter(p -> !p.equals(adapter)).map(p -> p + "..")
                    .toArray(String[]::new);
            if (others.length > 0) {
                noClasses().that().resideInAPackage(adapter + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(others)
                        .because("adapters never depend on one another")
                        .check(classes);
            }
        }
    }

    @ArchTest
    static final ArchRule the_shared_adapter_support_depends_on_core_only = noClasses()
            .that().resideInAPackage(ADAPTER_SUPPORT)
            .should().dependOnClassesThat().resideInAnyPackage(DB, API, NATIVE, "org.springframework..",
                    "java.sql..", "javax.sql..")
            .orShould().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
            .because("what adapters share knows no adapter, and depends on core only");

    /**
     * Discovery found the adapters: not an empty set (which would make the rules above vacuous), the known
     * ones, and every module under {@code adapters/} that registers a factory (one missing from
     * {@code api/pom.xml} would escape the rules and never be loaded).
     */
    @Test
    void every_adapter_module_is_discovered() throws IOException {
        assertThat(ADAPTER_PACKAGES).as("adapter packages found through PaymentProviderFactory")
                .isNotEmpty()
                .contains("dev.paymux.cryptomus", "dev.paymux.soprano", "dev.paymux.exchanger")
                .doesNotContain(NATIVE.replace("..", ""));
        Path adapters = projectRoot().resolve("adapters");
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> modules = Files.list(adapters)) {
            for (Path module : modules.toList()) {
                Path services = module.resolve("src/main/resources").resolve(FACTORY_SERVICE);
                if (Files.isRegularFile(services)) {
                    Files.readAllLines(services).stream().map(String::strip)
                            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                            .map(name -> name.substring(0, name.lastIndexOf('.')))
                            .forEach(declared::add);
                }
            }
        }
        assertThat(declared).as("factories declared by the modules under " + adapters).isNotEmpty();
        assertThat(ADAPTER_PACKAGES).as("adapters on the application's classpath").containsAll(declared);
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("adapters")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root (a directory with adapters/ and pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

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
        ADAPTER_PACKAGES.forEach(adapter -> Assertions.assertTrue(classes.containPackage(adapter),
                "the provider adapter " + adapter + " imported"));
        Assertions.assertTrue(classes.contain("dev.paymux.db.JdbcPayments"), "JdbcPayments imported");
        Assertions.assertFalse(classes.contain(ArchitectureTest.class), "test classes are not imported");
    }
}
