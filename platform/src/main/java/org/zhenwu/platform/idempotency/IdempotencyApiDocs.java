package org.zhenwu.platform.idempotency;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;

/** Every POST and PATCH in a service's OpenAPI document lists the optional {@code Idempotency-Key} header. */
public final class IdempotencyApiDocs {
    private IdempotencyApiDocs() {
    }

    public static OpenApiCustomizer customizer() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> {
                document(path.getPost());
                document(path.getPatch());
            });
        };
    }

    private static void document(Operation operation) {
        if (operation == null || operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotentRequests.HEADER.equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name(IdempotentRequests.HEADER).required(false)
                .schema(new StringSchema().minLength(1).maxLength(128).pattern("^[\\x21-\\x7E]+$"))
                .description("A new UUID for each user action. Sent again after a lost answer, the request is "
                        + "carried out once: the first answer comes back with Idempotent-Replayed: true, or 409 "
                        + "while the first still runs. Kept 24 h per caller."));
    }
}
