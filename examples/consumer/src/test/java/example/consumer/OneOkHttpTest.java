package example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the enforcer's banDuplicateClasses rule checks at build time, seen at run time: the
 * classpath the client's POM gives a user holds one OkHttp, the 5.x the client is tested with.
 */
class OneOkHttpTest {

  @Test
  void exactlyOneOkHttpIsOnTheClasspathAndItIsVersion5() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));

    assertEquals(1, copies.size(), "copies of okhttp3.OkHttpClient: " + copies);
    assertTrue(copies.get(0).toString().contains("okhttp-jvm-5."), copies.get(0).toString());
    assertTrue(okhttp3.OkHttp.VERSION.startsWith("5."), okhttp3.OkHttp.VERSION);
  }
}
