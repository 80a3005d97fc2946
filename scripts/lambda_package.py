"""Lambda deployment packages, for scripts/lambda-zip.

    lambda_package.py zip BINARY PACKAGE
        writes PACKAGE, a zip holding BINARY as an executable `bootstrap`
    lambda_package.py check PACKAGE ELF_MACHINE ARCH GLIBC
        exits non-zero unless PACKAGE holds exactly one `bootstrap`, an
        executable ELF for machine ELF_MACHINE (62 x86_64, 183 arm64) that
        needs no glibc symbol version newer than GLIBC
"""

import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile


def package(binary, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        info = zipfile.ZipInfo("bootstrap")
        info.external_attr = 0o100755 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(binary, "rb") as source, archive.open(info, "w") as target:
            shutil.copyfileobj(source, target, 1 << 20)


def version(text):
    return tuple(int(part) for part in text.split("."))


def check(path, machine, arch, runtime_glibc):
    with zipfile.ZipFile(path) as archive, tempfile.NamedTemporaryFile() as binary:
        names = archive.namelist()
        if names != ["bootstrap"]:
            sys.exit(f"lambda-zip: {path} holds {names}, not just bootstrap")
        info = archive.getinfo("bootstrap")
        with archive.open(info) as source:
            shutil.copyfileobj(source, binary, 1 << 20)
        binary.flush()
        with open(binary.name, "rb") as elf:
            head = elf.read(20)
        if head[:4] != b"\x7fELF" or struct.unpack_from("<H", head, 18)[0] != machine:
            sys.exit(f"lambda-zip: bootstrap in {path} is not an ELF executable for {arch}")
        if not (info.external_attr >> 16) & 0o111:
            sys.exit(f"lambda-zip: bootstrap in {path} is not executable")
        # The symbol versions it needs (readelf reads any architecture's ELF).
        needed = subprocess.run(
            ["readelf", "--version-info", "--wide", binary.name], capture_output=True, text=True, check=True
        ).stdout
    versions = {version(found) for found in re.findall(r"GLIBC_([0-9]+(?:\.[0-9]+)+)", needed)}
    if not versions:
        sys.exit(f"lambda-zip: bootstrap in {path} names no glibc version; not a glibc executable?")
    newest = ".".join(map(str, max(versions)))
    if max(versions) > version(runtime_glibc):
        sys.exit(f"lambda-zip: bootstrap in {path} needs glibc {newest}; the runtime has {runtime_glibc}")
    print(f"{path}: bootstrap for {arch}, {info.file_size} bytes ({info.compress_size} zipped), needs glibc {newest}")


def main():
    command, *args = sys.argv[1:]
    if command == "zip":
        package(*args)
    elif command == "check":
        path, machine, arch, runtime_glibc = args
        check(path, int(machine), arch, runtime_glibc)
    else:
        sys.exit(f"lambda_package.py: unknown command {command}")


if __name__ == "__main__":
    main()
