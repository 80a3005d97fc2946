"""moto's server, emulating Cognito, DynamoDB and SES on loopback for the
AWS backend's tests and local runs. Requests are served one at a time: moto's
models take no locks, and DynamoDB's conditional writes and transactions
are atomic only if no two requests interleave. Cognito's codes follow
moto_cognito.py: mailed to MOTO_OUTBOX, and checked; mail sent through SES
lands there too (moto_ses.py).

Usage: python moto_server.py PORT
"""

import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app
from werkzeug.serving import run_simple

import moto_cognito
import moto_ses


class OneAtATime:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            # Drain the body inside the lock, so that the next request sees every write.
            return list(self.app(environ, start_response))


def main() -> None:
    port = int(sys.argv[1])
    moto_cognito.install()
    moto_ses.install()
    app = DomainDispatcherApplication(create_backend_app)
    run_simple("127.0.0.1", port, OneAtATime(app), threaded=True, request_handler=MotoRequestHandler)


if __name__ == "__main__":
    main()
