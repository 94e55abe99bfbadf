package cn.liaison.backend.platform.http;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the contract validator's exceptions into a problem with one Chinese {@link FieldError} per
 * offending field. The validator reports JSON-schema keywords and JSON pointers; users need to know
 * which field and what to change.
 */
final class ValidationProblems {

    private static final String GENERIC = "不符合要求";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern PARAMETER = Pattern.compile("(query|path|header|cookie) parameter ([^\\s.]+)");

    private ValidationProblems() {
    }

    static Problem from(ValidatorException e) {
        if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
            List<FieldError> errors = fieldErrors(schema.getOutputUnit(), parameterName(e.getMessage()));
            if (!errors.isEmpty()) {
                return Problem.of(ProblemType.VALIDATION, "有 " + errors.size() + " 处不符合要求，请按 errors 修改后重试", errors);
            }
        }
        String parameter = parameterName(e.getMessage());
        if (e.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
            if (parameter == null) {
                return Problem.of(ProblemType.VALIDATION, "缺少请求体",
                        List.of(new FieldError("body", "必须提供 JSON 请求体")));
            }
            return Problem.of(ProblemType.VALIDATION, "缺少必填参数 " + parameter,
                    List.of(new FieldError(parameter, "必填")));
        }
        if (e.type() == ValidatorErrorType.UNSUPPORTED_VALUE_FORMAT && parameter == null) {
            return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "请求体的内容类型不受支持，请使用 application/json");
        }
        String field = parameter == null ? "body" : parameter;
        return Problem.of(ProblemType.VALIDATION, "参数 " + field + " 格式不正确",
                List.of(new FieldError(field, "格式不正确")));
    }

    private static List<FieldError> fieldErrors(OutputUnit root, String parameter) {
        List<OutputUnit> leaves = new ArrayList<>();
        collectLeaves(root, leaves);
        Map<String, String> byField = new LinkedHashMap<>();
        for (OutputUnit unit : leaves) {
            String keyword = keyword(unit.getKeywordLocation());
            if (keyword == null) {
                continue;
            }
            String field = field(unit.getInstanceLocation(), keyword, unit.getError());
            if (parameter != null) {
                field = field.isEmpty() ? parameter : parameter + "." + field;
            }
            String detail = describe(keyword);
            // "properties" or "$ref" only say that something below failed; keep the specific reason.
            byField.merge(field.isEmpty() ? "body" : field, detail,
                    (old, next) -> GENERIC.equals(old) ? next : old);
        }
        List<FieldError> errors = new ArrayList<>();
        byField.forEach((field, detail) -> errors.add(new FieldError(field, detail)));
        return errors;
    }

    private static void collectLeaves(OutputUnit unit, List<OutputUnit> leaves) {
        List<OutputUnit> children = unit.getErrors();
        if (children == null || children.isEmpty()) {
            if (Boolean.FALSE.equals(unit.getValid()) || unit.getError() != null) {
                leaves.add(unit);
            }
            return;
        }
        children.forEach(child -> collectLeaves(child, leaves));
    }

    private static String keyword(String keywordLocation) {
        if (keywordLocation == null || keywordLocation.isEmpty()) {
            return null;
        }
        return keywordLocation.substring(keywordLocation.lastIndexOf('/') + 1);
    }

    private static String field(String instanceLocation, String keyword, String error) {
        String pointer = instanceLocation == null ? "" : instanceLocation.replaceFirst("^#", "");
        String path = String.join(".", List.of(pointer.split("/")).stream().filter(s -> !s.isEmpty()).toList());
        if ("required".equals(keyword) && error != null) {
            Matcher m = QUOTED.matcher(error);
            if (m.find()) {
                return path.isEmpty() ? m.group(1) : path + "." + m.group(1);
            }
        }
        return path;
    }

    private static String describe(String keyword) {
        return switch (keyword) {
            case "required" -> "必填";
            case "type" -> "类型不正确";
            case "minLength" -> "内容太短";
            case "maxLength" -> "内容太长";
            case "pattern", "format" -> "格式不正确";
            case "enum", "const" -> "取值不在允许范围内";
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf" -> "数值超出允许范围";
            case "additionalProperties", "unevaluatedProperties" -> "不允许出现该字段";
            case "minItems", "maxItems", "uniqueItems" -> "条目数量不符合要求";
            case "minProperties", "maxProperties" -> "字段数量不符合要求";
            default -> GENERIC;
        };
    }

    private static String parameterName(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = PARAMETER.matcher(message);
        return m.find() ? m.group(2) : null;
    }
}
