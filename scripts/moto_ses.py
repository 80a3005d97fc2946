"""Delivers the mail moto's SES accepts: moto 5.2.5 keeps sent messages in
memory only. Each message SendEmail or SendRawEmail accepts is written as
an .eml file to the directory in MOTO_OUTBOX (when set), beside Cognito's
(moto_cognito.py), where tests and developers read it as they read the
embedded backend's outbox.
"""

from moto.ses.models import SESBackend

import moto_outbox

_original_send_raw_email = SESBackend.send_raw_email


def send_raw_email(self, source, destinations, raw_data):
    message = _original_send_raw_email(self, source, destinations, raw_data)
    moto_outbox.deliver(raw_data)
    return message


def install():
    SESBackend.send_raw_email = send_raw_email
