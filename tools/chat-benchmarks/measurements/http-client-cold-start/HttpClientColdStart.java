import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Time, in a fresh JVM, to build a DynamoDbClient with a given HTTP client and finish its first
 * call (ListTables against a loopback server started beforehand): the part of a Lambda cold start
 * the HTTP client choice changes. Run by measure.sh; prints milliseconds.
 */
public class HttpClientColdStart {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] answer = "{\"TableNames\":[]}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();

        long start = System.nanoTime();
        SdkHttpClient http = switch (args[0]) {
            case "url-connection" -> software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create();
            case "apache" -> software.amazon.awssdk.http.apache.ApacheHttpClient.create();
            default -> throw new IllegalArgumentException(args[0]);
        };
        try (DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(http)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build()) {
            if (!client.listTables().tableNames().isEmpty()) {
                throw new AssertionError("unexpected tables");
            }
        }
        System.out.println((System.nanoTime() - start) / 1_000_000);
        server.stop(0);
    }
}
