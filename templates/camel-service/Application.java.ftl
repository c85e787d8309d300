package ${project.packageName};

/**
<#list project.docLines as line>
 * ${line}
</#list>
<#if project.docLines?has_content>
 *
</#if>
 * Starts ${project.name}: Camel Main with the routes in {@code src/main/resources/routes}.
 */
public final class Application {

    private Application() {
    }

    /**
     * @param args Camel Main command-line options
     * @throws Exception when Camel fails to start
     */
    public static void main(String[] args) throws Exception {
        new org.apache.camel.main.Main(Application.class).run(args);
    }
}
