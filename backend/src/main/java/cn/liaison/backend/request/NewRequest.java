package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.bots.domain.RequestType;

/**
 * What a submitter sends to open a request. Validated again here (besides the contract) because
 * the bots and the 12345 integration create requests without going through HTTP.
 *
 * @param type     null lets assessment decide
 * @param district a district name as the submitter wrote it, e.g. "浦口区"; optional
 */
@Published
public record NewRequest(RequestType type, String content, String projectId, String district,
                         String contactName, String contactPhone) {

    public static final int MAX_CONTENT = 2000;

    public NewRequest {
        if (content == null || content.isBlank()) {
            throw new InvalidInputException("content", "请填写诉求内容");
        }
        content = content.strip();
        if (content.length() > MAX_CONTENT) {
            throw new InvalidInputException("content", "诉求内容不能超过 " + MAX_CONTENT + " 字");
        }
        if (contactPhone != null && !contactPhone.isBlank()
                && !contactPhone.replaceAll("[\\s-]", "").matches("\\+?[0-9]{5,20}")) {
            throw new InvalidInputException("contact.phone", "电话号码格式不正确");
        }
    }
}
