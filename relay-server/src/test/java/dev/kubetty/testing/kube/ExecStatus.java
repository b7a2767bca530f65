package dev.kubetty.testing.kube;

/** The JSON {@code Status} objects an API server sends on exec channel 3, as real clusters do. */
final class ExecStatus {
  private ExecStatus() {}

  static String success() {
    return "{\"metadata\":{},\"status\":\"Success\"}";
  }

  static String nonZeroExit(int code) {
    return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with"
        + " non-zero exit code: error executing command, exit code "
        + code
        + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\","
        + "\"message\":\""
        + code
        + "\"}]}}";
  }

  /** What containerd answers when the command is not in the image. */
  static String executableNotFound(String program) {
    return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"Internal error occurred: error"
        + " executing command in container: failed to exec in container: failed to start exec:"
        + " OCI runtime exec failed: exec failed: unable to start container process: exec:"
        + " \\\""
        + program
        + "\\\": executable file not found in $PATH: unknown\",\"reason\":\"InternalError\","
        + "\"code\":500}";
  }

  /** A Status body for an HTTP error answer. */
  static String httpError(int code, String reason, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
        + "\"message\":\""
        + message.replace("\"", "\\\"")
        + "\",\"reason\":\""
        + reason
        + "\",\"code\":"
        + code
        + "}";
  }
}
