"""PayPal's REST error envelope, and the PayPal-Mock-Response negative-testing header."""
from __future__ import annotations

import json

from flask import jsonify

from .ids import debug_id

NAMES = {
    400: ("INVALID_REQUEST", "Request is not well-formed, syntactically incorrect, or violates schema."),
    401: ("AUTHENTICATION_FAILURE", "Authentication failed due to missing authorization header, or invalid "
          "authentication credentials."),
    403: ("NOT_AUTHORIZED", "Authorization failed due to insufficient permissions."),
    404: ("RESOURCE_NOT_FOUND", "The specified resource does not exist."),
    405: ("METHOD_NOT_SUPPORTED", "The server does not implement the requested HTTP method."),
    409: ("RESOURCE_CONFLICT", "The server has detected a conflict while processing this request."),
    422: ("UNPROCESSABLE_ENTITY", "The requested action could not be performed, semantically incorrect, or "
          "failed business validation."),
    500: ("INTERNAL_SERVER_ERROR", "An internal server error has occurred."),
}

# Issues that do not answer 422 (everything else named in a mock header does).
ISSUE_STATUS = {
    "MISSING_REQUIRED_PARAMETER": 400, "INVALID_PARAMETER_VALUE": 400, "INVALID_PARAMETER_SYNTAX": 400,
    "MALFORMED_REQUEST_JSON": 400, "INVALID_STRING_LENGTH": 400, "INVALID_ARRAY_MAX_ITEMS": 400,
    "INVALID_REQUEST": 400, "AUTHENTICATION_FAILURE": 401, "PERMISSION_DENIED": 403, "NOT_AUTHORIZED": 403,
    "INVALID_RESOURCE_ID": 404, "RESOURCE_NOT_FOUND": 404, "PREVIOUS_REQUEST_IN_PROGRESS": 409,
    "INTERNAL_SERVER_ERROR": 500, "INTERNAL_SERVICE_ERROR": 500,
}

DESCRIPTIONS = {
    "ORDER_NOT_APPROVED": "Payer has not yet approved the Order for payment. Please redirect the payer to the "
                          "'rel':'approve' url returned as part of the HATEOAS links within the Create Order call "
                          "or provide a valid payment_source in the request.",
    "ORDER_ALREADY_CAPTURED": "Order already captured. If 'intent=CAPTURE' only one capture per order is allowed.",
    "ORDER_EXPIRED": "The order has expired: it was not approved, or not captured after approval, in time.",
    "INSTRUMENT_DECLINED": "The instrument presented was either declined by the processor or bank, or it can't "
                           "be used for this payment.",
    "DECIMAL_PRECISION": "If the currency supports decimals, only two decimal place precision is supported.",
    "DECIMALS_NOT_SUPPORTED": "Currency does not support decimals.",
    "INVALID_CURRENCY_CODE": "Currency code is invalid or is not currently supported.",
    "CANNOT_BE_ZERO_OR_NEGATIVE": "Must be greater than zero.",
    "DUPLICATE_INVOICE_ID": "Duplicate Invoice ID detected. To avoid a potential duplicate transaction your "
                            "account setting requires that Invoice Id be unique for each transaction.",
    "REFUND_AMOUNT_EXCEEDED": "The refund amount must be less than or equal to the capture amount that has not "
                              "yet been refunded.",
    "CAPTURE_FULLY_REFUNDED": "The capture has already been fully refunded.",
    "PENDING_CAPTURE": "Cannot initiate a refund as the capture is pending. Capture is typically pending when "
                       "the payer has funded the transaction using e-check or bank account.",
    "REFUND_NOT_ALLOWED": "Refund is not allowed for this capture.",
    "CURRENCY_MISMATCH": "The currency of the refund must match the currency of the capture.",
    "INVALID_RESOURCE_ID": "Specified resource ID does not exist. Please check the resource ID and try again.",
    "PREVIOUS_REQUEST_IN_PROGRESS": "A previous request on this resource is currently in progress. Please wait "
                                    "for some time and try again.",
    "MISSING_REQUIRED_PARAMETER": "A required field / parameter is missing.",
    "MALFORMED_REQUEST_JSON": "The request JSON is not well formed.",
    "METHOD_NOT_SUPPORTED": "The server does not implement the requested HTTP method.",
    "INTERNAL_SERVICE_ERROR": "An internal service error has occurred.",
}


class ApiError(Exception):
    """Raised by route code; rendered by the app's error handler as PayPal's envelope."""

    def __init__(self, status: int, issue: str | None = None, description: str | None = None,
                 field: str | None = None, value: str | None = None, location: str | None = "body"):
        super().__init__(issue or str(status))
        self.status, self.issue = status, issue
        self.description = description or DESCRIPTIONS.get(issue or "", issue or "")
        self.field, self.value, self.location = field, value, location

    @classmethod
    def for_issue(cls, issue: str, **kw) -> "ApiError":
        return cls(ISSUE_STATUS.get(issue, 422), issue, **kw)

    def body(self) -> dict:
        name, message = NAMES.get(self.status, NAMES[500])
        body: dict = {"name": name, "message": message, "debug_id": debug_id(), "details": [], "links": []}
        if self.issue and self.status != 401:
            detail = {"issue": self.issue, "description": self.description}
            if self.field:
                detail["field"] = self.field
            if self.value is not None:
                detail["value"] = self.value
            if self.field and self.location:
                detail["location"] = self.location
            body["details"].append(detail)
            body["links"].append({"href": f"https://developer.paypal.com/docs/api/orders/v2/#error-{self.issue}",
                                  "rel": "information_link", "method": "GET"})
        else:
            body["links"].append({"href": "https://developer.paypal.com/docs/api/overview/#error",
                                  "rel": "information_link"})
        return body

    def response(self):
        body = self.body()
        resp = jsonify(body)
        resp.status_code = self.status
        resp.headers["Paypal-Debug-Id"] = body["debug_id"]
        return resp


def raise_for_mock_header(headers) -> None:
    """Honour `PayPal-Mock-Response: {"mock_application_codes":"INSTRUMENT_DECLINED"}`."""
    raw = headers.get("PayPal-Mock-Response")
    if not raw:
        return
    try:
        code = json.loads(raw).get("mock_application_codes")
    except (ValueError, AttributeError):
        raise ApiError(400, "INVALID_PARAMETER_SYNTAX", "PayPal-Mock-Response is not valid JSON.",
                       field="PayPal-Mock-Response", location="header")
    if isinstance(code, list):
        code = code[0] if code else None
    if code:
        raise ApiError.for_issue(str(code))
