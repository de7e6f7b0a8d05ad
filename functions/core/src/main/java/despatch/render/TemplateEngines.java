package despatch.render;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The one Thymeleaf set-up every renderer uses: templates/ on the classpath, mode by file extension. */
public final class TemplateEngines {
    private TemplateEngines() {
    }

    public static TemplateEngine create() {
        TemplateEngine engine = new TemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.XML, "*.xml", 2));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 3));
        return engine;
    }

    public static Context context(Map<String, Object> variables, OfficeView office) {
        Context context = new Context(Locale.forLanguageTag(office.language()));
        context.setVariables(variables);
        return context;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(TemplateEngines.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** A page with the office, its title, and one view under the name the template reads it by. */
    public static String page(TemplateEngine engine, OfficeView office, String template, String title, String name, Object view) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("office", office);
        variables.put("title", title);
        variables.put(name, view);
        return engine.process(template, context(variables, office));
    }
}
