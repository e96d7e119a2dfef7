package io.boxoffice.gateway.openapi;

import static io.boxoffice.common.ProblemCodes.COMMAND_FAILED;
import static io.boxoffice.common.ProblemCodes.FORBIDDEN;
import static io.boxoffice.common.ProblemCodes.INVALID_COMMAND;
import static io.boxoffice.common.ProblemCodes.INVALID_REQUEST;
import static io.boxoffice.common.ProblemCodes.OVERLOADED;
import static io.boxoffice.common.ProblemCodes.PAYLOAD_TOO_LARGE;
import static io.boxoffice.common.ProblemCodes.SEAT_OUT_OF_RANGE;
import static io.boxoffice.common.ProblemCodes.SEAT_TAKEN;
import static io.boxoffice.common.ProblemCodes.TIMEOUT;
import static io.boxoffice.common.ProblemCodes.UNAUTHENTICATED;
import static io.boxoffice.common.ProblemCodes.UNAVAILABLE;
import static io.boxoffice.common.ProblemCodes.UNSUPPORTED_MEDIA_TYPE;

import io.boxoffice.gateway.web.ProblemCatalog;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes a handler's {@link Contract} into its OpenAPI operation: public operations drop the bearer
 * requirement; every problem code it can answer becomes a response of the code's status with the Problem
 * schema, a description per code and an example per code; commands get their {@code Location} headers.
 * Handlers without a contract are left as their own annotations describe them.
 */
@Component
class ContractResponses implements OperationCustomizer {
    static final String PROBLEM_JSON = "application/problem+json";
    /** The shape of a request id: {@code <showId>-r<16-character nonce><10-character requester tag>}. */
    private static final String EXAMPLE_REQUEST_ID = "k3v9x0q2m1n8b7c4-r5f2k9d0s1a8e3w6qz4x7c2v1b0";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Contract contract = handler.getMethodAnnotation(Contract.class);
        if (contract == null) {
            return operation;
        }
        if (contract.access() == Contract.Access.PUBLIC) {
            operation.setSecurity(List.of());
        }
        operation.setDescription(join(operation.getDescription(), access(contract.access())));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (contract.kind() == Contract.Kind.COMMAND) {
            addLocation(responses, "201", "The created resource");
            addLocation(responses, "202", "Where the request's outcome is read: /api/booking-requests/{requestId}");
        }
        Map<Integer, List<ProblemCatalog.Entry>> byStatus = codes(contract, operation).stream()
                .map(ProblemCatalog::of)
                .collect(Collectors.groupingBy(ProblemCatalog.Entry::status, TreeMap::new, Collectors.toList()));
        byStatus.forEach((status, entries) ->
                responses.addApiResponse(String.valueOf(status), problems(status, entries)));
        operation.setResponses(sorted(responses));
        return operation;
    }

    /** The operation's own codes plus those its body, access and kind imply. */
    private static Set<String> codes(Contract contract, Operation operation) {
        Set<String> codes = new LinkedHashSet<>();
        if (operation.getRequestBody() != null) {
            codes.addAll(List.of(INVALID_REQUEST, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE));
        }
        codes.addAll(Arrays.asList(contract.problems()));
        switch (contract.access()) {
            case PUBLIC -> { }
            // 503 unavailable: the keys that verify tokens cannot be fetched.
            case USER -> codes.addAll(List.of(UNAUTHENTICATED, UNAVAILABLE));
            case ADMIN -> codes.addAll(List.of(UNAUTHENTICATED, FORBIDDEN, UNAVAILABLE));
        }
        switch (contract.kind()) {
            case QUERY -> codes.add(UNAVAILABLE);
            // The user-service decides registrations on Kafka: its decision may be late, like a command's.
            case PROXY -> codes.addAll(List.of(UNAVAILABLE, TIMEOUT));
            // The processor dead-letters a command it cannot apply and answers it at once.
            case COMMAND -> codes.addAll(List.of(INVALID_COMMAND, COMMAND_FAILED, OVERLOADED, UNAVAILABLE, TIMEOUT));
        }
        return codes;
    }

    private static ApiResponse problems(int status, List<ProblemCatalog.Entry> entries) {
        MediaType problem = new MediaType().schema(new Schema<>().$ref(OpenApiConfig.PROBLEM_REF));
        entries.forEach(entry -> problem.addExamples(entry.code(),
                new Example().summary(entry.meaning()).value(example(entry))));
        ApiResponse response = new ApiResponse()
                .description(HttpStatus.valueOf(status).getReasonPhrase() + ": " + entries.stream()
                        .map(entry -> "`" + entry.code() + "` (" + entry.meaning() + ")")
                        .collect(Collectors.joining("; ")))
                .content(new Content().addMediaType(PROBLEM_JSON, problem));
        if (entries.stream().anyMatch(entry -> entry.code().equals(UNAUTHENTICATED))) {
            response.addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, header("Bearer challenge (RFC 6750)"));
        }
        if (status == 503 || status == 429) {
            response.addHeaderObject(HttpHeaders.RETRY_AFTER, header("Seconds to wait before retrying"));
        }
        return response;
    }

    private static Map<String, Object> example(ProblemCatalog.Entry entry) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:boxoffice:problem:" + entry.code());
        example.put("title", HttpStatus.valueOf(entry.status()).getReasonPhrase());
        example.put("status", entry.status());
        example.put("detail", entry.meaning().replace("`", ""));
        example.put("code", entry.code());
        switch (entry.code()) {
            case SEAT_TAKEN -> example.put("seats", List.of(4, 5));
            case SEAT_OUT_OF_RANGE -> example.put("seats", List.of(0, 501));
            case TIMEOUT -> example.put("requestId", EXAMPLE_REQUEST_ID);
            default -> { }
        }
        return example;
    }

    private static void addLocation(ApiResponses responses, String status, String description) {
        ApiResponse response = responses.get(status);
        if (response != null) {
            response.addHeaderObject(HttpHeaders.LOCATION, header(description));
        }
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new StringSchema());
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        return sorted;
    }

    private static String access(Contract.Access access) {
        return switch (access) {
            case PUBLIC -> "**Access:** public (no token needed; a token sent is ignored).";
            case USER -> "**Access:** any signed-in user (bearer token).";
            case ADMIN -> "**Access:** `ADMIN` only.";
        };
    }

    private static String join(String description, String more) {
        List<String> parts = new ArrayList<>();
        if (description != null && !description.isBlank()) {
            parts.add(description);
        }
        parts.add(more);
        return String.join("\n\n", parts);
    }
}
