package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from digits and upper-case letters without
 * I, O, S, V, Z. Position 1 is the registering authority, 2 the kind of organisation, 3-8 the
 * administrative division (digits), 9-17 the organisation code, and 18 a check character: the
 * character whose value is (31 - Σ value(i) × weight(i) mod 31) mod 31 over the first 17.
 */
@Published
public final class CreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** What is wrong with a code, in Chinese, or empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("统一社会信用代码应为 18 位");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("第 " + (i + 1) + " 位字符无效（只能是数字和除 I、O、S、V、Z 以外的大写字母）");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("第 3-8 位应为行政区划代码（数字）");
            }
        }
        if (code.charAt(17) != checkCharacter(code.substring(0, 17))) {
            return Optional.of("校验位不正确，请核对代码");
        }
        return Optional.empty();
    }

    /** The 18th character for the first 17. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("invalid character at " + (i + 1));
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
