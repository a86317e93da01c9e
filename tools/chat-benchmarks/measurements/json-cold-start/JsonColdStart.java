import java.util.Map;

/**
 * Time, in a fresh JVM, to read the tutorial's sendmessage body for the first time with jackson-jr
 * or with Jackson databind: class loading and first parse, which is what a Lambda cold start pays.
 * Run by measure.sh; prints microseconds.
 */
public class JsonColdStart {
    private static final String BODY = "{\"action\":\"sendmessage\",\"message\":\"hello, everyone!\"}";

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Object message;
        if ("jr".equals(args[0])) {
            Map<String, Object> map = com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(BODY);
            message = map.get("message");
        } else {
            com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(BODY);
            message = node.get("message").asText();
        }
        long micros = (System.nanoTime() - start) / 1_000;
        if (!"hello, everyone!".equals(message)) {
            throw new AssertionError(message);
        }
        System.out.println(micros);
    }
}
