package dev.tessera.server.outbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/a.pmtiles",
        "http://127.8.9.10:8080/a",
        "http://localhost/a",
        "http://[::1]/a",
        "http://10.1.2.3/a",
        "http://172.16.0.1/a",
        "http://192.168.1.1/a",
        "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]/a",
        "http://[fd12:3456::1]/a",
        "http://100.64.0.1/a",
        "http://0.0.0.0/a",
        "http://[::ffff:127.0.0.1]/a",
        "http://224.0.0.1/a",
      })
  void internalAddressesAreRefusedByDefault(String url) {
    assertThatThrownBy(() -> new OutboundPolicy("").check(URI.create(url)))
        .isInstanceOf(OutboundNotAllowedException.class)
        .hasMessageContaining("internal address")
        .extracting(e -> ((OutboundNotAllowedException) e).code())
        .isEqualTo("outbound_not_allowed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://8.8.8.8/a", "https://1.1.1.1/x.pmtiles", "http://[2001:4860:4860::8888]/a"})
  void publicAddressesAreAllowed(String url) {
    assertThatCode(() -> new OutboundPolicy("").check(URI.create(url))).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.0/8|http://127.0.0.1:9000/a|true",
        "127.0.0.0/8|http://[::1]/a|false",
        "10.0.0.0/8, 192.168.1.0/24|http://192.168.1.77/a|true",
        "192.168.1.0/24|http://192.168.2.1/a|false",
        "172.16.0.0/12|http://172.31.255.255/a|true",
        "172.16.0.0/12|http://10.0.0.1/a|false",
        "::1/128|http://[::1]/a|true",
        "169.254.169.254|http://169.254.169.254/a|true",
        "169.254.169.254|http://169.254.169.253/a|false",
        "localhost|http://localhost:9000/a|true",
        "localhost|http://127.0.0.1:9000/a|false",
        "10.0.0.0/8, LocalHost|http://localhost/a|true",
        "minio.internal|http://localhost/a|false",
      })
  void allowedNetworksOpenExactlyThoseBlocks(String networks, String url, boolean allowed) {
    var check = assertThatCode(() -> new OutboundPolicy(networks).check(URI.create(url)));
    if (allowed) {
      check.doesNotThrowAnyException();
    } else {
      check.isInstanceOf(OutboundNotAllowedException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "example.com/8", "10.0.0.0/x", "::1/129"})
  void malformedNetworksFailAtStartUp(String networks) {
    assertThatThrownBy(() -> new OutboundPolicy(networks)).isInstanceOf(IllegalArgumentException.class);
  }
}
