"""English and French strings of the buyer pages; the order's locale decides (fr* means French)."""
from __future__ import annotations

from decimal import Decimal

STRINGS = {
    "en": {
        "title": "PayPal Checkout", "your_order": "Your order with {brand}", "total": "Total",
        "login_intro": "Log in to your PayPal account to complete your purchase.",
        "email": "Email", "password": "Password", "log_in": "Log In", "or": "or",
        "login_error": "Some of your info isn't correct. Please try again.",
        "pay_with_card": "Pay with Debit or Credit Card", "cancel": "Cancel and return",
        "card_title": "Pay with debit or credit card", "card_number": "Card number",
        "expiry": "Expires (MM/YY)", "cvv": "CVV", "name": "Name on card", "guest_email": "Email (optional)",
        "pay_now": "Pay now", "continue": "Continue",
        "err_number": "Enter a valid card number.", "err_expiry": "Enter a valid expiration date.",
        "err_expired": "This card is expired.", "err_cvv": "Enter a valid CVV.",
        "err_name": "Enter the name on the card.",
        "account_title": "Create a PayPal account?",
        "account_intro": "Save your info for next time: check out faster with a PayPal account.",
        "create_account": "Create account", "not_now": "Not now",
        "review_title": "Review your payment", "logged_in_as": "Logged in as {email}",
        "pay_with": "Pay with", "paypal_balance": "PayPal balance",
        "expired": "This checkout session has expired.", "completed": "This order has already been paid.",
        "not_found": "We can't find this checkout session.", "cannot_pay": "This order can't be paid.",
        "approved_no_return": "Payment approved. You can close this window.",
        "cancelled_no_return": "Payment cancelled. You can close this window.",
        "back": "Return to merchant",
        "footer": "Local PayPal sandbox (WSCC development). No real payment is made.",
    },
    "fr": {
        "title": "Paiement PayPal", "your_order": "Votre commande auprès de {brand}", "total": "Total",
        "login_intro": "Connectez-vous à votre compte PayPal pour finaliser votre achat.",
        "email": "Adresse e-mail", "password": "Mot de passe", "log_in": "Connexion", "or": "ou",
        "login_error": "Certaines de vos informations sont incorrectes. Veuillez réessayer.",
        "pay_with_card": "Payez avec une carte de crédit ou de débit Visa", "cancel": "Annuler et retourner",
        "card_title": "Payer par carte de débit ou de crédit", "card_number": "Numéro de carte",
        "expiry": "Date d'expiration (MM/AA)", "cvv": "Cryptogramme (CVV)", "name": "Nom sur la carte",
        "guest_email": "Adresse e-mail (facultatif)", "pay_now": "Payer maintenant", "continue": "Continuer",
        "err_number": "Saisissez un numéro de carte valide.",
        "err_expiry": "Saisissez une date d'expiration valide.", "err_expired": "Cette carte est expirée.",
        "err_cvv": "Saisissez un cryptogramme valide.", "err_name": "Saisissez le nom figurant sur la carte.",
        "account_title": "Créer un compte PayPal?",
        "account_intro": "Enregistrez vos informations : payez plus vite la prochaine fois avec un compte PayPal.",
        "create_account": "Créer un compte", "not_now": "Pas maintenant",
        "review_title": "Vérifiez votre paiement", "logged_in_as": "Connecté en tant que {email}",
        "pay_with": "Payer avec", "paypal_balance": "Solde PayPal",
        "expired": "Cette session de paiement a expiré.", "completed": "Cette commande a déjà été payée.",
        "not_found": "Nous ne trouvons pas cette session de paiement.",
        "cannot_pay": "Cette commande ne peut pas être payée.",
        "approved_no_return": "Paiement approuvé. Vous pouvez fermer cette fenêtre.",
        "cancelled_no_return": "Paiement annulé. Vous pouvez fermer cette fenêtre.",
        "back": "Retourner au marchand",
        "footer": "Bac à sable PayPal local (développement WSCC). Aucun paiement réel n'est effectué.",
    },
}

SYMBOLS = {"CAD": "$", "USD": "$", "AUD": "$", "NZD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def language(locale: str | None, accept_language: str | None = None) -> str:
    chosen = locale or (accept_language or "").split(",")[0].strip()
    return "fr" if chosen.lower().startswith("fr") else "en"


def format_amount(amount: dict, lang: str) -> str:
    value, currency = Decimal(amount["value"]), amount["currency_code"]
    symbol = SYMBOLS.get(currency, "")
    if lang == "fr":
        text = f"{value:,}".replace(",", "\u202f").replace(".", ",")
        return f"{text} {symbol} {currency}".replace("  ", " ")
    return f"{symbol}{value:,} {currency}"
