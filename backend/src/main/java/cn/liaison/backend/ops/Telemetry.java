package cn.liaison.backend.ops;

import cn.liaison.backend.config.OpsConfig;

import cn.liaison.backend.platform.telemetry.Meters;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics and traces for one running service. With {@code METRICS_PORT} set, Vert.x reports its
 * HTTP server and client, pools and event loops into a Prometheus registry, the product's own
 * meters ({@link Meters}) join it, and a management server answers {@code GET /metrics} on its own
 * port (never through the public ingress). With {@code OTEL_EXPORTER_OTLP_ENDPOINT} set, Vert.x
 * traces HTTP in and out and Redis, exported over OTLP/HTTP.
 */
public final class Telemetry {

    private static final Logger LOG = LoggerFactory.getLogger(Telemetry.class);

    private final OpsConfig config;
    private final Optional<PrometheusMeterRegistry> registry;
    private final Optional<OpenTelemetrySdk> openTelemetry;
    private HttpServer management;

    private Telemetry(OpsConfig config) {
        this.config = config;
        this.registry = config.metricsPort().map(port -> withLatencyBuckets(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        this.openTelemetry = config.otlpEndpoint().map(endpoint -> openTelemetry(endpoint.toString(), config.serviceName()));
    }

    public static Telemetry of(OpsConfig config) {
        return new Telemetry(config);
    }

    /** A Vert.x instance reporting to this telemetry (plain Vert.x when both are off). */
    public Vertx createVertx(VertxOptions options) {
        VertxBuilder builder = Vertx.builder();
        registry.ifPresent(r -> {
            Metrics.addRegistry(r);
            options.setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                    .addLabels(Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME));
            builder.withMetrics(new MicrometerMetricsFactory(r));
        });
        openTelemetry.ifPresent(otel -> {
            options.setTracingOptions(new OpenTelemetryOptions());
            builder.withTracer(new OpenTelemetryTracingFactory(otel));
        });
        return builder.with(options).build();
    }

    public Optional<PrometheusMeterRegistry> registry() {
        return registry;
    }

    public boolean tracing() {
        return openTelemetry.isPresent();
    }

    /** The management server: {@code GET /metrics} in the Prometheus text format. */
    public Future<Integer> startManagementServer(Vertx vertx) {
        if (registry.isEmpty()) {
            return Future.succeededFuture(-1);
        }
        PrometheusMeterRegistry r = registry.get();
        management = vertx.createHttpServer();
        return management.requestHandler(req -> {
                    if ("/metrics".equals(req.path())) {
                        vertx.executeBlocking(r::scrape, false).onComplete(scraped -> {
                            if (scraped.succeeded()) {
                                req.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                                        .end(scraped.result());
                            } else {
                                req.response().setStatusCode(500).end();
                            }
                        });
                    } else {
                        req.response().setStatusCode(404).end();
                    }
                })
                .listen(config.metricsPort().get(), config.metricsHost())
                .map(HttpServer::actualPort)
                .onSuccess(port -> LOG.info("Metrics: http://{}:{}/metrics", config.metricsHost(), port));
    }

    public int managementPort() {
        return management == null ? -1 : management.actualPort();
    }

    /** After Vert.x is closed: flushes spans and detaches the registry. */
    public void close() {
        openTelemetry.ifPresent(otel -> otel.getSdkTracerProvider().shutdown().join(5, TimeUnit.SECONDS));
        registry.ifPresent(r -> {
            Metrics.removeRegistry(r);
            r.close();
        });
    }

    /**
     * Histogram buckets for HTTP server and knowledge-base latency (p50/p99 panels), a fixed few
     * so that routes × status codes do not multiply into thousands of series.
     */
    private static PrometheusMeterRegistry withLatencyBuckets(PrometheusMeterRegistry registry) {
        double[] seconds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith("vertx.http.server.response.time") && !id.getName().equals(Meters.KB_LATENCY)) {
                    return config;
                }
                double[] nanos = java.util.Arrays.stream(seconds).map(s -> s * 1e9).toArray();
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        });
        return registry;
    }

    private static OpenTelemetrySdk openTelemetry(String endpoint, String serviceName) {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(endpoint + "/v1/traces")
                .setTimeout(Duration.ofSeconds(10))
                .build();
        Resource resource = Resource.getDefault().merge(Resource.create(
                Attributes.of(AttributeKey.stringKey("service.name"), serviceName)));
        SdkTracerProvider tracers = SdkTracerProvider.builder()
                .setResource(resource)
                .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofMillis(500)).build())
                .build();
        LOG.info("Tracing: OTLP/HTTP to {}/v1/traces as {}", endpoint, serviceName);
        return OpenTelemetrySdk.builder()
                .setTracerProvider(tracers)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
    }
}
