package dev.specforge.pipeline;

import dev.specforge.llm.LlmClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.util.function.Suppliers;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The LLM client's HTTP call, made by the {@code llm-http} route ({@code routes/enrich.camel.yaml}, camel-http) on a
 * fresh exchange, so nothing of the spec's exchange leaks into the request. Response headers come back with
 * lower-case names. Thread-safe.
 */
public final class CamelLlmTransport implements LlmClient.Transport {

    /** Exchange property: the URL the {@code llm-http} route posts to. */
    public static final String URL = "specforgeLlmUrl";
    /** The route's endpoint. */
    public static final String ENDPOINT = "direct:llm-http";

    private final Supplier<ProducerTemplate> template;

    /** @param context the Camel context holding the {@code llm-http} route */
    public CamelLlmTransport(CamelContext context) {
        this.template = Suppliers.memorize(context::createProducerTemplate);
    }

    /**
     * @throws Exception the transport failure (connection refused, {@code specforge.llm.timeout-ms} passed)
     */
    @Override
    public LlmClient.HttpReply post(String url, Map<String, String> headers, String body) throws Exception {
        Exchange result = template.get().send(ENDPOINT, ex -> {
            ex.setProperty(URL, url);
            headers.forEach(ex.getMessage()::setHeader);
            ex.getMessage().setHeader(Exchange.HTTP_METHOD, "POST");
            ex.getMessage().setBody(body);
        });
        if (result.getException() != null) {
            throw result.getException();
        }
        Integer status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, String> out = new HashMap<>();
        result.getMessage().getHeaders().forEach((k, v) -> {
            if (v != null && !k.startsWith("Camel")) {
                out.put(k.toLowerCase(Locale.ROOT), String.valueOf(v));
            }
        });
        String text = result.getMessage().getBody(String.class);
        return new LlmClient.HttpReply(status == null ? 0 : status, out, text == null ? "" : text);
    }

}
