package cn.liaison.backend.platform.telemetry;

/** A failure that carries a platform's numeric error code (WeChat or WeCom errcode), counted by its code. */
public interface ErrorCoded {

    int errorCode();
}
