# Sourced by the launchers: sets JAVA to a java binary of a JDK >= 21.
# Looks at $JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/* and /opt/java/*, newest first.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

find_java() {
  local candidate
  for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)" \
    $(ls -d /usr/lib/jvm/*/bin/java /opt/java/*/bin/java 2>/dev/null | sort -rV); do
    [ -x "$candidate" ] || continue
    local major
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA="$candidate"
      return 0
    fi
  done
  echo "kubetty: no JDK >= 21 found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt/java)." >&2
  echo "kubetty: install one (e.g. Temurin 21) or set JAVA_HOME to it." >&2
  return 1
}
