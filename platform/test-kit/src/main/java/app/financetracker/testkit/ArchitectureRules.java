package app.financetracker.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package rules of every service module (DESIGN §7: package by feature), checked by one small test per
 * module:
 * <pre>
 * &#64;AnalyzeClasses(packagesOf = XServiceApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *     &#64;ArchTest
 *     static final ArchTests rules = ArchTests.in(ArchitectureRules.class);
 * }
 * </pre>
 * A cycle between feature packages (one needs the other and back, often held together with {@code @Lazy})
 * makes neither understandable nor testable alone, and is how a change gets half-applied across both.
 */
public final class ArchitectureRules {

    /**
     * Every feature package of a service ({@code app.financetracker.<service>.<feature>..}) and the service's
     * root package are slices; no slice may depend on itself through the others. A module with a single
     * package has nothing to check, which is fine.
     */
    @ArchTest
    public static final ArchRule featurePackagesAreFreeOfCycles = slices().assignedFrom(featurePackages())
            .should().beFreeOfCycles()
            .allowEmptyShould(true)
            .because("a feature package may use another, never the other way round as well (DESIGN §7)");

    /** Nothing hides a dependency cycle behind a lazy proxy. */
    @ArchTest
    public static final ArchRule noLazyInjection = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.springframework.context.annotation.Lazy")
            .allowEmptyShould(true)
            .because("@Lazy hides a dependency cycle instead of removing it");

    /** Constructor injection only (DESIGN §7). */
    @ArchTest
    public static final ArchRule noFieldInjection = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .allowEmptyShould(true);

    private ArchitectureRules() {
    }

    /** {@code app.financetracker.<service>.<feature>...} belongs to slice {@code <feature>}, the root to its own. */
    static SliceAssignment featurePackages() {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String[] segments = javaClass.getPackageName().split("\\.");
                if (segments.length < 3 || !segments[0].equals("app") || !segments[1].equals("financetracker")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(segments.length == 3 ? segments[2] + " (root package)" : segments[3]);
            }

            @Override
            public String getDescription() {
                return "feature packages of app.financetracker.<service>";
            }
        };
    }
}
