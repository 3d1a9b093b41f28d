package org.kefu.automation.web;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;

/** Bean Validation of inputs built from API requests, reported like every other field problem (400, problem+json). */
final class ApiValidation {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private ApiValidation() {
    }

    static void check(Object input) {
        var violations = VALIDATOR.validate(input);
        if (!violations.isEmpty()) {
            List<FieldProblem> problems = violations.stream()
                    .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage())).toList();
            throw new InvalidRequestException(problems);
        }
    }
}
