"""Loaded as sitecustomize in a pipeline subprocess: refuse and record any non-loopback
connection or DNS lookup, so a test can prove the run stayed offline."""
import os
import socket

_LOG = os.environ["HUSHBEAM_NET_LOG"]
_LOCAL = ("127.", "::1", "localhost", "0.0.0.0")


def _record(target):
    with open(_LOG, "a") as fh:
        fh.write(f"{target}\n")
    raise OSError("network disabled by the hushbeam offline test")


_connect, _connect_ex, _getaddrinfo = (socket.socket.connect, socket.socket.connect_ex,
                                        socket.getaddrinfo)


def _is_local(address):
    if not isinstance(address, tuple):
        return True  # AF_UNIX paths
    return str(address[0]).startswith(_LOCAL)


def connect(self, address):
    return _connect(self, address) if _is_local(address) else _record(address[0])


def connect_ex(self, address):
    return _connect_ex(self, address) if _is_local(address) else _record(address[0])


def getaddrinfo(host, *args, **kwargs):
    if host is None or str(host).startswith(_LOCAL):
        return _getaddrinfo(host, *args, **kwargs)
    return _record(host)


socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = (
    connect, connect_ex, getaddrinfo)
