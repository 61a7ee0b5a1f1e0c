"""Access control: API keys (bearer tokens) with roles, stored hashed in `<data_dir>/keys.json`."""

from api.auth.keys import ApiKey, KeyStore, NewKey
from api.auth.roles import ROLES, Permission, Role, permissions_of

__all__ = ["ROLES", "ApiKey", "KeyStore", "NewKey", "Permission", "Role", "permissions_of"]
