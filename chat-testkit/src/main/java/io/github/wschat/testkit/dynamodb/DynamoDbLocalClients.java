package io.github.wschat.testkit.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

import java.net.URI;

/**
 * Real SDK clients of a DynamoDB Local endpoint, set up as a Lambda function sets up its own: the light
 * {@link UrlConnectionHttpClient}, an endpoint override, a region and static dummy credentials. DynamoDB
 * Local started with a shared database (as this kit's are) ignores the region and the keys.
 */
public final class DynamoDbLocalClients {

    /** The region of the clients made here, unless the caller sets another. */
    public static final Region REGION = Region.EU_WEST_1;
    /** The access key id and secret key of the clients made here, unless the caller sets others. */
    public static final String DUMMY_KEY = "local";

    private DynamoDbLocalClients() {
    }

    /** A builder ready for {@code endpoint}; anything it sets may be set again before {@code build()}. */
    public static DynamoDbClientBuilder builder(URI endpoint) {
        return DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY)));
    }

    /** A client of {@code endpoint}; the caller closes it. */
    public static DynamoDbClient client(URI endpoint) {
        return builder(endpoint).build();
    }
}
