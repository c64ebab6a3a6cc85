package dev.orderflow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orderflow.auth.keys.SigningKeys;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.auth.dev-tokens.enabled=true")
@ContextConfiguration(initializers = AuthTestDatabase.class)
class AuthorizationServerIT {

    static final String REDIRECT_URI = "http://127.0.0.1:8080/callback";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    SigningKeys signingKeys;

    Browser browser;
    JwtDecoder jwks;

    @BeforeEach
    void setUp() {
        browser = new Browser(port);
        jwks = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks")
                .build();
    }

    @Test
    void aCustomerLogsInWithAuthorizationCodeAndPkceAndGetsATokenForThemselves() throws Exception {
        String customer = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        register(customer, "correct horse battery");
        String verifier = randomUrlSafe();

        HttpResponse<String> authorize = authorize(verifier);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(Browser.location(authorize)).endsWith("/login");

        HttpResponse<String> login = logIn(customer, "correct horse battery");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(Browser.location(login)).contains("/oauth2/authorize");

        HttpResponse<String> authorized = browser.get(Browser.location(login));
        assertThat(authorized.statusCode()).isEqualTo(302);
        URI callback = URI.create(Browser.location(authorized));
        assertThat(callback.toString()).startsWith(REDIRECT_URI).contains("state=xyz");
        String code = queryParameter(callback, "code");

        HttpResponse<String> token = exchangeCode(code, verifier);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);

        Jwt jwt = jwks.decode(jsonString(token.body(), "access_token"));
        assertThat(jwt.getSubject()).isEqualTo(customer);
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("orderflow.customer");
    }

    @Test
    void theCodeCannotBeExchangedWithoutTheVerifier() throws Exception {
        String customer = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        register(customer, "another long password");
        authorize(randomUrlSafe());
        HttpResponse<String> login = logIn(customer, "another long password");
        String code = queryParameter(URI.create(Browser.location(browser.get(Browser.location(login)))), "code");

        HttpResponse<String> token = exchangeCode(code, randomUrlSafe());
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("invalid_grant");
    }

    @Test
    void aWrongPasswordDoesNotLogIn() throws Exception {
        String customer = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        register(customer, "the right password");
        HttpResponse<String> login = logIn(customer, "a wrong password");
        assertThat(Browser.location(login)).endsWith("/login?error");
    }

    @Test
    void aCustomersPasswordIsStoredOnlyAsAHash() throws Exception {
        String customer = "dave-" + UUID.randomUUID().toString().substring(0, 8);
        register(customer, "plain text never stored");

        String stored = jdbc.sql("select password_hash from customers where customer_id = ?")
                .param(customer)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{bcrypt}").doesNotContain("plain text never stored");
        assertThat(passwords.matches("plain text never stored", stored)).isTrue();
    }

    @Test
    void aCustomerIdIsRegisteredOnlyOnce() throws Exception {
        String customer = "erin-" + UUID.randomUUID().toString().substring(0, 8);
        register(customer, "first password");
        HttpResponse<String> again = browser.postJson(
                "/customers", "{\"customerId\": \"" + customer + "\", \"password\": \"second password\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aServiceGetsATokenWithItsOwnScopeByClientCredentials() throws Exception {
        HttpResponse<String> token = clientCredentials("order-service", "dev-order-service-secret", "payments.write");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Jwt jwt = jwks.decode(jsonString(token.body(), "access_token"));
        assertThat(jwt.getSubject()).isEqualTo("order-service");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("payments.write");
    }

    @Test
    void aServiceCannotAskForAScopeItWasNotGiven() throws Exception {
        HttpResponse<String> token = clientCredentials("order-service", "dev-order-service-secret", "orderflow.admin");
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.body()).contains("invalid_scope");
    }

    @Test
    void theAdminClientGetsAnOperatorsToken() throws Exception {
        HttpResponse<String> token = clientCredentials("orderflow-admin", "dev-admin-secret", "orderflow.admin");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(jwks.decode(jsonString(token.body(), "access_token")).getClaimAsStringList("scope"))
                .containsExactly("orderflow.admin");
    }

    @Test
    void aWrongClientSecretGetsNoToken() throws Exception {
        HttpResponse<String> token = clientCredentials("orderflow-admin", "guessed", null);
        assertThat(token.statusCode()).isEqualTo(401);
    }

    @Test
    void theDevRouteIssuesCustomerAndOperatorTokensWhenEnabled() throws Exception {
        String customer = "frank-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> customerToken = browser.postJson("/dev/tokens", "{\"customerId\": \"" + customer + "\"}");
        assertThat(customerToken.statusCode()).as(customerToken.body()).isEqualTo(200);
        Jwt jwt = jwks.decode(jsonString(customerToken.body(), "access_token"));
        assertThat(jwt.getSubject()).isEqualTo(customer);
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("orderflow.customer");
        assertThat(jdbc.sql("select count(*) from customers where customer_id = ?")
                        .param(customer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> adminToken = browser.postJson("/dev/tokens", "{\"admin\": true}");
        assertThat(jwks.decode(jsonString(adminToken.body(), "access_token")).getClaimAsStringList("scope"))
                .containsExactly("orderflow.admin");
    }

    @Test
    void theSigningKeySurvivesARestart() {
        String published = jwks.decode(browserToken()).getHeaders().get("kid").toString();
        // a new instance reads the key from the database instead of generating one
        assertThat(new SigningKeys(jdbc).current().getKeyID()).isEqualTo(published);
    }

    private String browserToken() {
        try {
            return jsonString(
                    browser.postJson("/dev/tokens", "{\"admin\": true}").body(), "access_token");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void register(String customer, String password) throws Exception {
        HttpResponse<String> registered = browser.postJson(
                "/customers", "{\"customerId\": \"" + customer + "\", \"password\": \"" + password + "\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    /**
     * Starts the authorization code flow of the browser app with PKCE: the challenge is the verifier's SHA-256
     * (S256), so only the holder of the verifier can exchange the code.
     */
    private HttpResponse<String> authorize(String verifier) throws Exception {
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return browser.get("/oauth2/authorize?"
                + Browser.encode(Map.of(
                        "response_type", "code",
                        "client_id", "orderflow-web",
                        "redirect_uri", REDIRECT_URI,
                        "scope", "orderflow.customer",
                        "state", "xyz",
                        "code_challenge", challenge,
                        "code_challenge_method", "S256")));
    }

    /** Fills in the login form, with the CSRF token of the page it was served in. */
    private HttpResponse<String> logIn(String customer, String password) throws Exception {
        HttpResponse<String> loginPage = browser.get("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        return browser.postForm(
                "/login",
                Map.of("username", customer, "password", password, "_csrf", Browser.csrfToken(loginPage.body())),
                null,
                null);
    }

    private static String randomUrlSafe() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String queryParameter(URI uri, String name) {
        Matcher matcher = Pattern.compile("(?:^|&)" + name + "=([^&]+)").matcher(uri.getRawQuery());
        assertThat(matcher.find()).as(uri.toString()).isTrue();
        return java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static String jsonString(String json, String field) {
        Matcher matcher =
                Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return matcher.group(1);
    }

    /** The web client's exchange of an authorization code for a token, with the PKCE verifier. */
    private HttpResponse<String> exchangeCode(String code, String verifier) throws Exception {
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", code);
        exchange.put("redirect_uri", REDIRECT_URI);
        exchange.put("client_id", "orderflow-web");
        exchange.put("code_verifier", verifier);
        return browser.postForm("/oauth2/token", exchange, null, null);
    }

    /** A client's request for a token by its credentials, for the scope or, without one, its default scopes. */
    private HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        return browser.postForm("/oauth2/token", form, clientId, secret);
    }
}
