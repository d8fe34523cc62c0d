"""Microsoft's other clouds: `endpoint add --cloud` and the tenant script reach the right sign-in
service, Exchange Online host, token resource and PowerShell environments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.errors import BadInput
from engine.m365.clouds import CLOUDS, WORLDWIDE, cloud_named, cloud_of
from engine.m365.script import tenant_script_for
from engine.m365.tokens import M365Settings
from engine.store import StateStore

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "6f1c1a8e-3b0f-4d55-9a51-0e8f2b7c9d10"


def add(name: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "engine.cli",
            "endpoint",
            "add",
            name,
            "--url",
            "m365://contoso.onmicrosoft.us",
            "--client-id",
            CLIENT_ID,
            "--secret-stdin",
            *extra,
        ],
        input="not-a-real-secret-value\n",
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
        timeout=120,
    )


def test_each_cloud_is_found_by_its_key_and_its_exchange_host() -> None:
    assert {cloud.key for cloud in CLOUDS} == {"worldwide", "usgov", "china"}
    for cloud in CLOUDS:
        assert cloud_named(cloud.key.upper()) is cloud
        assert cloud_of(f"{cloud.imap_host.upper()}:993") is cloud
    assert cloud_of("127.0.0.1") is None
    with pytest.raises(BadInput) as refused:
        cloud_named("germany")
    assert "worldwide" in refused.value.fix and "usgov" in refused.value.fix


@pytest.mark.parametrize(
    ("cloud", "authority", "resource"),
    [
        ("usgov", "https://login.microsoftonline.us/contoso.onmicrosoft.us", "https://outlook.office365.us"),
        (
            "china",
            "https://login.partner.microsoftonline.cn/contoso.onmicrosoft.us",
            "https://partner.outlook.cn",
        ),
    ],
)
def test_endpoint_add_with_a_cloud_signs_in_and_connects_there(
    isolated_state: Path, cloud: str, authority: str, resource: str
) -> None:
    done = add(cloud, "--cloud", cloud)
    assert done.returncode == 0, done.stderr
    store = StateStore()
    endpoint = store.get_endpoint(cloud)
    store.close()
    assert endpoint is not None
    settings = M365Settings.from_endpoint(endpoint)
    assert settings.authority_url == authority
    assert (endpoint.host, endpoint.port) == (cloud_named(cloud).imap_host, 993)
    assert settings.app_scopes == [f"{resource}/.default"]
    script = tenant_script_for(endpoint, ["anna@contoso.us"])
    assert f"-Environment {cloud_named(cloud).graph_environment}" in script
    assert f"-ExchangeEnvironmentName {cloud_named(cloud).exchange_environment}" in script


def test_the_worldwide_cloud_changes_nothing_and_an_explicit_authority_wins(isolated_state: Path) -> None:
    assert add("ww", "--cloud", "worldwide").returncode == 0
    assert add("own", "--cloud", "usgov", "--authority", "https://login.example.test/contoso").returncode == 0
    store = StateStore()
    worldwide, own = store.get_endpoint("ww"), store.get_endpoint("own")
    store.close()
    assert worldwide is not None and own is not None
    assert worldwide.host == WORLDWIDE.imap_host and worldwide.authority == ""
    script = tenant_script_for(worldwide, ["anna@contoso.nl"])
    assert "-Environment" not in script and "-ExchangeEnvironmentName" not in script
    assert own.authority == "https://login.example.test/contoso" and own.host == "outlook.office365.us"
    refused = add("bad", "--cloud", "mars")
    assert refused.returncode == 2 and "invalid choice" in refused.stderr
