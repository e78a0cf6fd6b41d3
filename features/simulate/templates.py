"""Error message templates, as Java/Spring, Python/Django, Go, Node, nginx, Postgres
drivers, Kafka consumers, gRPC and payment gateways really write them.

A template's ``${slot}`` parts are filled per event (see :mod:`features.simulate.slots`),
so the same template yields many distinct messages. ``uses`` says what a template is
for: ``bg`` (background noise) or a fault role (``timeout``, ``unavailable``,
``db_outage``, ``overload``, ``retry``, ``giveup``, ``regression``, ``persistent``).
Regression and persistent templates never appear in background traffic, so a deploy
regression brings a template nobody has seen before.

Examples
--------
>>> t = by_key()["py.pg.unique_email"]
>>> t.runtimes, t.status, t.stack
(('python',), 409, 'python')
>>> sorted({u for t in LIBRARY for u in t.uses})[:4]
['bg', 'db_outage', 'giveup', 'overload']
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from features.simulate.slots import SLOTS

_SLOT_RE = re.compile(r"\$\{(\w+)\}")

USES = ("bg", "timeout", "unavailable", "db_outage", "overload", "retry", "giveup",
        "regression", "persistent")


@dataclass(frozen=True)
class Template:
    """One kind of error message.

    Parameters
    ----------
    key : str
        Stable name, used in the ground truth (``new_template``).
    runtimes : tuple of str
        Runtimes that write it (``java``, ``python``, ``go``, ``node``).
    uses : tuple of str
        Roles it plays (see module docstring).
    message : str
        Text with ``${slot}`` parts.
    error_type : str or None
        Exception or error type.
    severity : str
        Canonical severity (the writer spells it per service).
    status : int or None
        HTTP status when the error answered an HTTP request.
    stack : str or None
        Stack trace style, or None for none.
    needs : tuple of str
        Service features required (``db``, ``kafka``, ``gateway``, ``nginx`` ...).
    attrs : tuple of (str, str)
        Extra ``attributes``: key and template (a leading ``=`` means a raw number).
    weight : float
        Relative frequency among the templates a service can use.
    """

    key: str
    runtimes: tuple[str, ...]
    uses: tuple[str, ...]
    message: str
    error_type: str | None = None
    severity: str = "ERROR"
    status: int | None = None
    stack: str | None = None
    needs: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()
    weight: float = 1.0


J, P, G, N = ("java",), ("python",), ("go",), ("node",)
ALL = ("java", "python", "go", "node")
T = Template

LIBRARY: tuple[Template, ...] = (
    # ---------------------------------------------------------------- Java / Spring
    T("java.state.order", J, ("bg",),
      "Request processing failed: ${etype}: Order ${order_id} is in state "
      "CANCELLED, expected PENDING", "java.lang.IllegalStateException", status=409, stack="java",
      weight=3),
    T("java.jpa.constraint", J, ("bg",),
      "could not execute statement; SQL [n/a]; constraint [orders_idempotency_key_uq]; nested "
      "exception is org.hibernate.exception.ConstraintViolationException: could not execute statement",
      "org.springframework.dao.DataIntegrityViolationException", status=409, stack="java",
      needs=("db",), attrs=(("db.statement", "${sql}"), ("db.system", "postgresql"))),
    T("java.validation.email", J, ("bg",),
      "Validation failed for argument [0] in public org.springframework.http.ResponseEntity "
      "${pkg}.api.CheckoutController.create(${pkg}.api.CheckoutRequest): [Field error in object "
      "'checkoutRequest' on field 'email': rejected value [${email}]; codes "
      "[Email.checkoutRequest.email,Email.email,Email]; default message [must be a well-formed email "
      "address]]", "org.springframework.web.bind.MethodArgumentNotValidException", "WARN", 400,
      weight=2),
    T("java.security.denied", J, ("bg",),
      "Access denied for user ${email} on resource /orders/${order_id}: missing authority ORDERS_WRITE",
      "org.springframework.security.access.AccessDeniedException", "WARN", 403,
      attrs=(("http.request.header.cookie", "${cookie}"),)),
    T("java.validation.dob", J, ("bg",),
      "Field error in object 'customerRequest' on field 'dateOfBirth': rejected value [${dob}]; "
      "codes [Past.customerRequest.dateOfBirth]; default message [must be a past date] "
      "(customer ${name}, phone ${phone})", "org.springframework.validation.BindException", "WARN",
      400, weight=0.6),
    T("java.gateway.declined", J, ("bg",),
      "Payment authorization declined for customer ${email}: ${errcode} (gateway ref ${uuid}, "
      "amount ${amount} EUR)", "com.stripe.exception.CardException", "WARN", 402,
      needs=("gateway",), weight=3),
    T("java.gateway.payload", J, ("bg",),
      "Stripe API error: {\"error\":{\"code\":\"card_declined\",\"decline_code\":\"${errcode}\","
      "\"message\":\"Your card was declined.\",\"request_log_url\":\"https://dashboard.stripe.com/"
      "logs/req_${alnum}\"}} request={\"amount\":${amount},\"card\":{\"number\":\"${card}\","
      "\"cvc\":\"***\"},\"billing_details\":{\"name\":\"${name}\",\"address\":\"${address}\"}}",
      "com.stripe.exception.CardException", "ERROR", 402, needs=("gateway",), weight=2),
    T("java.gateway.apikey", J, ("bg",),
      "Invalid API Key provided: ${api_key}", "com.stripe.exception.AuthenticationException",
      "ERROR", 502, needs=("gateway",), weight=0.5),
    T("java.sepa.iban", J, ("bg",),
      "SEPA mandate creation failed for IBAN ${iban} (account holder ${name}): invalid BIC for "
      "country, code ${errcode}", "com.shopfront.payments.sepa.MandateException", "WARN", 422,
      needs=("gateway",)),
    T("java.jdbc.url", J, ("bg",),
      "Failed to initialize pool: FATAL: password authentication failed for user \"app_rw\" "
      "(url=jdbc:postgresql://${db_host}:5432/app?user=app_rw&password=${password}&sslmode=require)",
      "org.postgresql.util.PSQLException", stack="java", needs=("db",), weight=0.3),
    T("java.kafka.commit", J, ("bg",),
      "[Consumer clientId=consumer-${svc}-1, groupId=${svc}] Offset commit failed on partition "
      "${topic}-${partition} at offset ${offset}: The coordinator is not aware of this member.",
      "org.apache.kafka.clients.consumer.CommitFailedException", "WARN", needs=("kafka",),
      attrs=(("messaging.system", "kafka"), ("messaging.kafka.offset", "=${offset}"))),
    T("java.kafka.deser", J, ("bg",),
      "Failed to process record key=${user_id} partition=${partition} offset=${offset}: "
      "com.fasterxml.jackson.databind.exc.MismatchedInputException: Cannot deserialize value of type "
      "`java.math.BigDecimal` from String \"N/A\": not a valid representation",
      "org.springframework.kafka.listener.ListenerExecutionFailedException", stack="java",
      needs=("kafka",)),
    T("java.redis.conn", J, ("bg", "timeout"),
      "Unable to connect to Redis; nested exception is io.lettuce.core.RedisConnectionException: "
      "Unable to connect to redis-${svc}.cache.internal/${internal_ip}:6379",
      "org.springframework.data.redis.RedisConnectionFailureException", status=503, stack="java",
      needs=("redis",)),
    T("java.http.readtimeout", J, ("bg", "timeout"),
      "I/O error on POST request for \"http://${peer}:8080/api/v1/quote\": Read timed out; nested "
      "exception is java.net.SocketTimeoutException: Read timed out",
      "org.springframework.web.client.ResourceAccessException", status=504, stack="java",
      attrs=(("peer.service", "${peer}"), ("request_id", "${uuid}"),
             ("http.request.header.authorization", "Bearer ${bearer}"))),
    T("java.grpc.deadline", J, ("timeout",),
      "io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: deadline exceeded after 4.99${n}s. "
      "[closed=[], open=[[buffered_nanos=${offset}, remote_addr=${peer}/${internal_ip}:9090]]]",
      "io.grpc.StatusRuntimeException", status=504, stack="java"),
    T("java.grpc.unavailable", J, ("unavailable",),
      "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception", "io.grpc.StatusRuntimeException",
      status=503, stack="java", attrs=(("peer.service", "${peer}"), ("k8s.pod.name", "${pod}"))),
    T("java.cb.open", J, ("unavailable",),
      "CircuitBreaker '${peer}' is OPEN and does not permit further calls",
      "io.github.resilience4j.circuitbreaker.CallNotPermittedException", status=503, weight=2),
    T("java.hikari.timeout", J, ("bg", "db_outage", "overload"),
      "HikariPool-1 - Connection is not available, request timed out after ${dur}.",
      "java.sql.SQLTransientConnectionException", status=503, stack="java", needs=("db",)),
    T("java.pg.refused", J, ("db_outage",),
      "Connection to ${db_host}:5432 refused. Check that the hostname and port are correct and that "
      "the postmaster is accepting TCP/IP connections.", "org.postgresql.util.PSQLException",
      status=503, stack="java", needs=("db",), weight=2),
    T("java.oom", J, ("db_outage",),
      "Handler dispatch failed; nested exception is java.lang.OutOfMemoryError: Java heap space",
      "org.springframework.web.util.NestedServletException", "FATAL", 500, stack="java"),
    T("java.bulkhead.full", J, ("overload",),
      "Bulkhead '${svc}' is full and does not permit further calls",
      "io.github.resilience4j.bulkhead.BulkheadFullException", status=429),
    T("java.tomcat.rejected", J, ("overload",),
      "Executor [org.apache.tomcat.util.threads.ThreadPoolExecutor@${alnum}[Running, pool size = 200, "
      "active threads = 200, queued tasks = ${offset}]] did not accept task",
      "java.util.concurrent.RejectedExecutionException", status=503, stack="java"),
    T("java.retry.attempt", J, ("retry",),
      "Retry '${peer}Client' recorded a failed retry attempt. Number of retry attempts: '${attempt}'. "
      "Waiting PT0.1S until the next attempt. Last exception was: "
      "org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 Service "
      "Unavailable", None, "WARN"),
    T("java.retry.exhausted", J, ("giveup",),
      "Retry '${peer}Client' recorded a failed retry attempt. Number of retry attempts: "
      "'${max_attempts}'. Giving up. Last exception was: "
      "org.springframework.web.client.HttpServerErrorException$TooManyRequests: 429 Too Many Requests",
      "org.springframework.web.client.HttpServerErrorException", status=503, stack="java"),
    T("java.npe.promotion", J, ("regression",),
      "Cannot invoke \"${pkg}.domain.Promotion.getDiscount()\" because the return value of "
      "\"${pkg}.promo.PromotionResolver.resolve(String)\" is null", "java.lang.NullPointerException",
      status=500, stack="java"),
    T("java.classcast.money", J, ("regression",),
      "class java.lang.Integer cannot be cast to class java.math.BigDecimal (java.lang.Integer and "
      "java.math.BigDecimal are in module java.base of loader 'bootstrap')",
      "java.lang.ClassCastException", status=500, stack="java"),
    T("java.jackson.unknown", J, ("regression",),
      "JSON parse error: Unrecognized field \"loyaltyTier\" (class ${pkg}.api.CustomerDto), not "
      "marked as ignorable", "org.springframework.http.converter.HttpMessageNotReadableException",
      status=400, stack="java"),
    T("java.tls.pkix", J, ("persistent",),
      "I/O error on POST request for \"https://${peer}.internal:8443/v1\": PKIX path building failed: "
      "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid "
      "certification path to requested target", "javax.net.ssl.SSLHandshakeException", status=502,
      stack="java"),
    T("java.flyway.missing", J, ("persistent",),
      "ERROR: column \"discount_cents\" of relation \"${table}\" does not exist\n  Position: ${n}",
      "org.postgresql.util.PSQLException", status=500, stack="java", needs=("db",)),
    # ---------------------------------------------------------------- Python / Django / Celery
    T("py.django.keyerror", P, ("bg",),
      "Internal Server Error: /orders/${order_id}/", "KeyError", status=500, stack="python",
      weight=2),
    T("py.pg.unique_email", P, ("bg",),
      "duplicate key value violates unique constraint \"users_email_key\"\nDETAIL:  Key "
      "(email)=(${email}) already exists.", "psycopg2.errors.UniqueViolation", status=409,
      stack="python", needs=("db",), weight=2),
    T("py.doesnotexist", P, ("bg",),
      "User matching query does not exist. user_id=${user_id}", "DoesNotExist", "WARN", 404),
    T("py.user.notfound", P, ("bg",),
      "user ${email} not found", None, "WARN", 404, weight=2),
    T("py.disallowed_host", P, ("bg",),
      "Invalid HTTP_HOST header: '${ip}:8000'. You may need to add '${ip}' to ALLOWED_HOSTS.",
      "django.core.exceptions.DisallowedHost", "WARN", 400),
    T("py.csrf", P, ("bg",),
      "Forbidden (CSRF cookie not set.): /users/password-reset/", None, "WARN", 403,
      attrs=(("http.request.header.cookie", "${cookie}"),
             ("http.request.header.x_forwarded_for", "${ip}, ${internal_ip}"))),
    T("py.webhook.payload", P, ("bg",),
      "payment webhook signature mismatch for payload {\"customer\": {\"name\": \"${name}\", "
      "\"email\": \"${email}\", \"phone\": \"${phone}\"}, \"amount\": ${amount}, \"currency\": \"EUR\"}",
      "stripe.error.SignatureVerificationError", "ERROR", 400),
    T("py.kyc", P, ("bg",),
      "KYC check failed: ssn=${ssn} dob=${dob} reason=${errcode}", "kyc.VerificationError", "WARN",
      422, needs=("db",), weight=0.7),
    T("py.login.payload", P, ("bg",),
      "Login failed for payload {'username': '${email}', 'password': '${password}', 'remember': True}",
      None, "WARN", 401),
    T("py.geocode", P, ("bg",),
      "geocoding failed for address='${address}' lat/lon=${geo}: ZERO_RESULTS",
      "geopy.exc.GeocoderQueryError", "WARN", needs=("kafka",)),
    T("py.celery.smtp", P, ("bg",),
      "Task orders.tasks.send_receipt[${uuid}] raised unexpected: SMTPRecipientsRefused({'${email}': "
      "(550, b'5.1.1 <${email}>: Recipient address rejected: User unknown in virtual mailbox table')})",
      "smtplib.SMTPRecipientsRefused", stack="python", needs=("kafka",)),
    T("py.mailgun", P, ("bg",),
      "Mailgun send failed: 401 Forbidden (api_key=${api_key}, domain=mg.shopfront.example)",
      "requests.exceptions.HTTPError", needs=("smtp",)),
    T("py.slack", P, ("bg",),
      "slack notify failed for channel #orders-alerts: invalid_auth (token=${slack_token})",
      "slack_sdk.errors.SlackApiError", weight=0.4),
    T("py.unhandled", P, ("bg",),
      "Unhandled ${exc} in task ${svc}.tasks.sync_customer at ${fileline} (celery ${libversion})",
      None, "ERROR", weight=0.8),
    T("py.pg.serialization", P, ("bg",),
      "could not serialize access due to concurrent update", "psycopg2.errors.SerializationFailure",
      status=500, stack="python", needs=("db",), attrs=(("db.statement", "${sql}"),)),
    T("py.kafka.metadata", P, ("bg", "timeout"),
      "Unhandled exception in consumer ${topic}: KafkaTimeoutError: Failed to update metadata after "
      "60.0 secs.", "kafka.errors.KafkaTimeoutError", stack="python", needs=("kafka",)),
    T("py.requests.readtimeout", P, ("bg", "timeout"),
      "HTTPConnectionPool(host='${peer}', port=8080): Read timed out. (read timeout=${sec})",
      "requests.exceptions.ReadTimeout", status=504, stack="python",
      attrs=(("http.url", "http://${peer}:8080/api/v1/lookup?email=${email_url}"),)),
    T("py.requests.refused", P, ("unavailable",),
      "HTTPConnectionPool(host='${peer}', port=8080): Max retries exceeded with url: /api/v1/reserve "
      "(Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f${alnum}>: "
      "Failed to establish a new connection: [Errno 111] Connection refused'))",
      "requests.exceptions.ConnectionError", status=503, stack="python", weight=2),
    T("py.upstream.5xx", P, ("unavailable",),
      "upstream ${peer} returned ${status} for POST /api/v1/reserve (request_id=${uuid})",
      "requests.exceptions.HTTPError", status=502),
    T("py.pg.refused", P, ("db_outage",),
      "connection to server at \"${db_host}\" (${internal_ip}), port 5432 failed: Connection refused\n"
      "\tIs the server running on that host and accepting TCP/IP connections?",
      "psycopg2.OperationalError", status=503, stack="python", needs=("db",), weight=2),
    T("py.worker.timeout", P, ("db_outage", "overload"),
      "[CRITICAL] WORKER TIMEOUT (pid:${n})", None, "FATAL", 502),
    T("py.pg.slots", P, ("overload", "persistent"),
      "FATAL:  remaining connection slots are reserved for non-replication superuser connections",
      "psycopg2.OperationalError", status=503, stack="python", needs=("db",)),
    T("py.ratelimited", P, ("overload",),
      "Request was throttled. Expected available in ${n} seconds.",
      "rest_framework.exceptions.Throttled", "WARN", 429),
    T("py.retry.attempt", P, ("retry",),
      "Retrying (Retry(total=${attempt}, connect=None, read=None, redirect=None, status=None)) after "
      "connection broken by 'ReadTimeoutError(\"HTTPConnectionPool(host='${peer}', port=8080): Read "
      "timed out. (read timeout=2)\")': /api/v1/reserve", None, "WARNING"),
    T("py.retry.giveup", P, ("giveup",),
      "HTTPConnectionPool(host='${peer}', port=8080): Max retries exceeded with url: /api/v1/reserve "
      "(Caused by ResponseError('too many 503 error responses'))", "requests.exceptions.RetryError",
      status=503, stack="python"),
    T("py.attr.none", P, ("regression",),
      "'NoneType' object has no attribute 'currency'", "AttributeError", status=500, stack="python"),
    T("py.typeerror.decimal", P, ("regression",),
      "unsupported operand type(s) for *: 'decimal.Decimal' and 'float'", "TypeError", status=500,
      stack="python"),
    T("py.template.missing", P, ("regression",),
      "Invalid block tag on line ${n}: 'loyalty_badge'. Did you forget to register or load this tag?",
      "django.template.exceptions.TemplateSyntaxError", status=500, stack="python"),
    T("py.ssl.verify", P, ("persistent",),
      "HTTPSConnectionPool(host='${peer}.internal', port=443): Max retries exceeded (Caused by "
      "SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify "
      "failed: certificate has expired (_ssl.c:1006)')))", "requests.exceptions.SSLError",
      status=502, stack="python"),
    # ---------------------------------------------------------------- Go
    T("go.logfmt.redis", G, ("bg",),
      "level=error ts=${ts} caller=${fileline} msg=\"request failed\" method=POST "
      "path=/cart/${order_id}/items status=500 err=\"redis: connection pool timeout\" "
      "trace_id=${trace} span_id=${span} pod=${pod} duration=${dur}", None, "error", 500, weight=2),
    T("go.tls.handshake6", G, ("bg",),
      "http: TLS handshake error from [${ip6}]:${port}: read: connection reset by peer", None,
      "warn"),
    T("go.git.token", G, ("bg",),
      "config sync failed: git clone https://x-access-token:${github_token}@github.com/shopfront/"
      "config.git: authentication required (agent ${svc}/${version})", None, "error", weight=0.4),
    T("go.pgx.lock", G, ("bg",),
      "failed to reserve stock for sku=${sku} qty=${n}: ERROR: could not obtain lock on row in "
      "relation \"stock_levels\" (SQLSTATE 55P03)", "*pgconn.PgError", "error", 409, needs=("db",),
      attrs=(("db.statement", "${sql}"),)),
    T("go.tls.handshake", G, ("bg",),
      "http: TLS handshake error from ${ip}:${port}: EOF", None, "warn", weight=1.5),
    T("go.jwt.expired", G, ("bg",),
      "token validation failed: token is expired by ${dur} (sub=${user_id})",
      "jwt.ValidationError", "warn", 401, attrs=(("http.request.header.authorization", "Bearer ${jwt}"),)),
    T("go.upstream.query", G, ("bg",),
      "upstream request failed: GET http://${peer}:8080/v1/lookup?user=${email_url}&session=${session_id} "
      "returned ${status}", "*url.Error", "error", 502),
    T("go.aws.akid", G, ("bg",),
      "operation error SQS: SendMessage, https response error StatusCode: 403, RequestID: ${uuid}, "
      "api error InvalidClientTokenId: The security token included in the request is invalid. "
      "(AKID=${aws_key})", "*smithy.OperationError", "error", weight=0.4),
    T("go.device.mac", G, ("bg",),
      "device fingerprint mismatch mac=${mac} user=${user_id} geo=${geo}", None, "warn", 403,
      weight=0.6),
    T("go.grpc.deadline", G, ("bg", "timeout"),
      "rpc error: code = DeadlineExceeded desc = context deadline exceeded", "grpc.DeadlineExceeded",
      "error", 504, attrs=(("rpc.service", "${peer}.v1.API"), ("peer.service", "${peer}"))),
    T("go.grpc.unavailable", G, ("unavailable",),
      "rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while "
      "dialing: dial tcp ${internal_ip}:9090: connect: connection refused\"", "grpc.Unavailable",
      "error", 503, weight=2),
    T("go.dns", G, ("unavailable",),
      "dial tcp: lookup ${peer}.default.svc.cluster.local on 10.96.0.10:53: no such host",
      "*net.OpError", "error", 503),
    T("go.pgx.refused", G, ("db_outage",),
      "failed to connect to `host=${db_host} user=app database=app`: dial error (dial tcp "
      "${internal_ip}:5432: connect: connection refused)", "*pgconn.ConnectError", "error", 503,
      needs=("db",), weight=2),
    T("go.oomkilled", G, ("db_outage",),
      "fatal error: runtime: out of memory", None, "fatal", 500, stack="go"),
    T("go.ratelimit", G, ("overload",),
      "rate limit exceeded: ${n} requests in flight, limit 64 (client=${peer})", None, "warn", 429),
    T("go.retry.attempt", G, ("retry",),
      "retrying request to ${peer} (attempt ${attempt}/${max_attempts}) after error: rpc error: code = "
      "ResourceExhausted desc = too many requests", None, "warn"),
    T("go.retry.giveup", G, ("giveup",),
      "giving up on ${peer} after ${max_attempts} attempts: rpc error: code = Unavailable desc = "
      "service unavailable", "grpc.Unavailable", "error", 503),
    T("go.nilptr", G, ("regression",),
      "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: "
      "segmentation violation code=0x1 addr=0x18 pc=0x${alnum}]", None, "fatal", 500, stack="go"),
    T("go.index", G, ("regression",),
      "panic: runtime error: index out of range [${n}] with length ${n}", None, "fatal", 500,
      stack="go"),
    T("go.x509", G, ("persistent",),
      "Get \"https://${peer}.internal:8443/v1/health\": tls: failed to verify certificate: x509: "
      "certificate has expired or is not yet valid: current time ${ts} is after 2026-01-01T00:00:00Z",
      "*tls.CertificateVerificationError", "error", 502),
    # nginx in front of the edge gateway
    T("nginx.upstream.timeout", G, ("bg", "timeout"),
      "upstream timed out (110: Connection timed out) while reading response header from upstream, "
      "client: ${ip}, server: api.shopfront.example, request: \"GET /api/v1/orders/${order_id}"
      "?email=${email_url} HTTP/1.1\", upstream: \"http://${internal_ip}:8080/orders/${order_id}\", "
      "host: \"api.shopfront.example\"", None, "error", 504, needs=("nginx",), weight=2),
    T("nginx.connect.refused", G, ("unavailable",),
      "connect() failed (111: Connection refused) while connecting to upstream, client: ${ip6}, "
      "server: api.shopfront.example, request: \"POST /api/v1/checkout HTTP/2.0\", upstream: "
      "\"http://${internal_ip}:8080/checkout\", host: \"api.shopfront.example\"", None, "error", 502,
      needs=("nginx",), weight=2),
    T("nginx.no.live", G, ("unavailable", "overload"),
      "no live upstreams while connecting to upstream, client: ${ip}, server: api.shopfront.example, "
      "request: \"POST /api/v1/login HTTP/1.1\", upstream: \"http://${peer}/login\", host: "
      "\"api.shopfront.example\", referrer: \"https://shopfront.example/login?next=/account&"
      "token=${bearer}\"", None, "error", 502, needs=("nginx",)),
    T("nginx.client.reset", G, ("bg",),
      "recv() failed (104: Connection reset by peer) while reading response header from upstream, "
      "client: ${ip6}, server: api.shopfront.example, request: \"GET /api/v1/products?q=shoes&"
      "sessionid=${session_id} HTTP/2.0\", upstream: \"http://${internal_ip}:8080/products\"",
      None, "error", 502, needs=("nginx",)),
    T("nginx.auth.header", G, ("bg",),
      "auth request unexpected status: 500 while sending to client, client: ${ip}, server: "
      "api.shopfront.example, request: \"GET /api/v1/orders/${order_id} HTTP/1.1\", host: "
      "\"api.shopfront.example\", authorization: \"Bearer ${jwt}\"", None, "crit", 500,
      needs=("nginx",)),
    # ---------------------------------------------------------------- Node / Express
    T("node.typeerror.price", N, ("bg",),
      "TypeError: Cannot read properties of undefined (reading 'price')", "TypeError", "error", 500,
      stack="node", weight=2),
    T("node.joi.email", N, ("bg",),
      "ValidationError: \"email\" must be a valid email. Received ${email}", "ValidationError",
      "warn", 400),
    T("node.axios.status", N, ("bg",),
      "Request failed with status code ${status}", "AxiosError", "error", 502,
      attrs=(("http.url", "http://${peer}:8080/v1/profile?uid=${user_id}"),
             ("http.request.header.authorization", "Bearer ${bearer}"))),
    T("node.twilio", N, ("bg",),
      "Failed to send notification to ${phone}: Twilio error 21211 The 'To' number ${phone} is not a "
      "valid phone number.", "RestException", "warn", needs=("kafka",)),
    T("node.slack", N, ("bg",),
      "slack webhook failed (token=${slack_token}): invalid_auth", "WebAPIPlatformError", "error",
      needs=("kafka",), weight=0.5),
    T("node.github", N, ("bg",),
      "Failed to fetch feature manifest from https://api.github.com/repos/shopfront/flags/contents/"
      "prod.json (Authorization: token ${github_token}): 401 Bad credentials", "HttpError", "error",
      weight=0.4),
    T("node.unhandled", N, ("bg",),
      "UnhandledPromiseRejection: ${etype} at ${fileline} (node ${libversion}, ${svc}@${version})",
      "Error", "error", attrs=(("http.request.header.cookie", "${cookie}"), ("k8s.pod.name", "${pod}"))),
    T("node.pg.unique", N, ("bg",),
      "duplicate key value violates unique constraint \"reviews_user_sku_key\"", "DatabaseError",
      "error", 409, needs=("db",), attrs=(("db.statement", "${sql}"), ("enduser.id", "${user_id}"))),
    T("node.session", N, ("bg",),
      "session store miss for sid=${session_id} (user ${name}, ${email})", None, "warn", 401,
      needs=("redis",)),
    T("node.axios.timeout", N, ("bg", "timeout"),
      "AxiosError: timeout of ${ms}ms exceeded", "AxiosError", "error", 504, stack="node",
      attrs=(("http.url", "http://${peer}:8080/v1/items?email=${email_url}"),)),
    T("node.kafkajs", N, ("bg", "timeout"),
      "KafkaJSNumberOfRetriesExceeded: Connection timeout", "KafkaJSNumberOfRetriesExceeded",
      "error", needs=("kafka",), stack="node"),
    T("node.econnrefused", N, ("unavailable",),
      "Error: connect ECONNREFUSED ${internal_ip}:8080", "Error", "error", 503, stack="node",
      weight=2, attrs=(("peer.service", "${peer}"),)),
    T("node.socket.hangup", N, ("unavailable",),
      "Error: socket hang up", "Error", "error", 502, stack="node"),
    T("node.pg.pool", N, ("db_outage", "overload"),
      "Error: timeout exceeded when trying to connect", "Error", "error", 503, stack="node"),
    T("node.eventloop", N, ("overload",),
      "Service overloaded: event loop delay ${ms}ms above threshold, shedding request", None,
      "warn", 503),
    T("node.retry.attempt", N, ("retry",),
      "retry ${attempt}/${max_attempts} for POST http://${peer}:8080/v1/items after 503", None,
      "warn"),
    T("node.retry.giveup", N, ("giveup",),
      "Error: all ${max_attempts} attempts to ${peer} failed: Request failed with status code 503",
      "Error", "error", 503, stack="node"),
    T("node.undefined.tier", N, ("regression",),
      "TypeError: Cannot read properties of undefined (reading 'loyaltyTier')", "TypeError",
      "error", 500, stack="node"),
    T("node.notfunction", N, ("regression",),
      "TypeError: formatCurrency is not a function", "TypeError", "error", 500, stack="node"),
    T("node.cert", N, ("persistent",),
      "Error: certificate has expired", "Error", "error", 502, stack="node",
      attrs=(("error.code", "CERT_HAS_EXPIRED"), ("peer.service", "${peer}"))),
    # ---------------------------------------------------------------- any runtime
    T("any.disk.full", ALL, ("persistent",),
      "write /var/lib/${svc}/spool/${uuid}.tmp: no space left on device", None, "error", 500),
)


def by_key() -> dict[str, Template]:
    """Templates by ``key``."""
    return {t.key: t for t in LIBRARY}


def eligible(runtime: str, features: tuple[str, ...], use: str) -> list[Template]:
    """Templates a service of ``runtime`` with ``features`` can write for ``use``.

    Examples
    --------
    >>> [t.key for t in eligible("go", ("http",), "unavailable")]
    ['go.grpc.unavailable', 'go.dns']
    """
    return [t for t in LIBRARY if runtime in t.runtimes and use in t.uses
            and all(n in features for n in t.needs)]


def _escape(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def compile_text(text: str) -> tuple:
    """Split ``text`` into JSON-escaped literal strings and slot tuples
    ``(name, generator, kind)``. Unknown slot names are a programming error."""
    parts: list = []
    pos = 0
    for m in _SLOT_RE.finditer(text):
        if m.start() > pos:
            parts.append(_escape(text[pos : m.start()]))
        name = m.group(1)
        if name not in SLOTS:
            raise KeyError(f"template slot ${{{name}}} is not defined in features.simulate.slots")
        fn, kind, _ = SLOTS[name]
        parts.append((name, fn, kind))
        pos = m.end()
    if pos < len(text):
        parts.append(_escape(text[pos:]))
    return tuple(parts)
