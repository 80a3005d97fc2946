"""The outbox moto's Cognito and SES deliver to: one .eml file per message
in the directory MOTO_OUTBOX names (nothing when unset), written under a
hidden name and renamed, so that a reader sees whole messages only."""

import os
import secrets
import time


def deliver(message):
    outbox = os.environ.get("MOTO_OUTBOX")
    if not outbox:
        return
    os.makedirs(outbox, exist_ok=True)
    name = f"{time.time_ns():020d}-{secrets.token_hex(4)}"
    partial = os.path.join(outbox, f".{name}.partial")
    with open(partial, "w", encoding="utf-8", newline="") as file:
        file.write(message)
    os.rename(partial, os.path.join(outbox, f"{name}.eml"))
