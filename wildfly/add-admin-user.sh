#!/usr/bin/env bash
# Adds the operator "admin" to a WildFly: a management user (web admin console, CLI over HTTP)
# and an application user with role "admin" (Tusk's /api/admin endpoints), same password.
# The password is $TUSK_ADMIN_PASSWORD, or the one saved in .tusk/admin-password, or a new
# random one that is saved there (mode 600) and printed once.
# Usage: wildfly/add-admin-user.sh JBOSS_HOME
set -euo pipefail
jboss_home=$1
project=$(cd "$(dirname "$0")/.." && pwd)
saved="$project/.tusk/admin-password"
user=${TUSK_ADMIN_USER:-admin}

if [ -n "${TUSK_ADMIN_PASSWORD:-}" ]; then
    password=$TUSK_ADMIN_PASSWORD
elif [ -s "$saved" ]; then
    password=$(cat "$saved")
else
    mkdir -p "$(dirname "$saved")"
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=' | head -c 20)
    (umask 077 && printf '%s' "$password" > "$saved")
    echo "Generated the admin password (user '$user'): $password"
    echo "It is saved in $saved; set TUSK_ADMIN_PASSWORD to choose your own."
fi

"$jboss_home/bin/add-user.sh" -u "$user" -p "$password" -s
"$jboss_home/bin/add-user.sh" -a -u "$user" -p "$password" -g admin -s
