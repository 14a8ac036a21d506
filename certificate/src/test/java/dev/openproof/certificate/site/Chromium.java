package dev.openproof.certificate.site;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both paths are given, so Selenium
 * Manager never looks for (or downloads) a browser or a driver.
 */
final class Chromium implements AutoCloseable {
  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";

  /** What the page decided, as its body says it, and what it shows. */
  record Verdict(String verdict, String reason, String status, String title, String text) {}

  private final ChromeDriver driver;

  Chromium() {
    System.setProperty("webdriver.chrome.driver", DRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
        "--disable-component-update", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
        "--window-size=860,1160", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .build();
    this.driver = new ChromeDriver(service, options);
  }

  /**
   * Opens a URL and waits for the page's verdict. When only the fragment changes, the page is not
   * loaded again: the new fragment reaches it as a {@code hashchange}, as when a second QR code is
   * scanned into an open page.
   */
  Verdict open(String url) {
    int hash = url.indexOf('#');
    String current = driver.getCurrentUrl();
    if (hash > 0 && current != null && current.startsWith(url.substring(0, hash + 1)) && !current.equals(url)) {
      driver.executeScript("for (const k of ['verdict', 'reason', 'status']) delete document.body.dataset[k];"
          + " location.hash = arguments[0];", url.substring(hash + 1));
    } else {
      driver.get("about:blank");
      driver.get(url);
    }
    return verdict();
  }

  /** Waits for the page's verdict (its body's {@code data-verdict}) and reads it. */
  Verdict verdict() {
    List<?> read = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(20))
        .until(d -> (List<?>) driver.executeScript("const b = document.body.dataset;"
            + " return b.verdict === undefined ? null : [b.verdict, b.reason, b.status,"
            + " document.getElementById('v-title').innerText, document.querySelector('main').innerText];"));
    return new Verdict((String) read.get(0), (String) read.get(1), (String) read.get(2), (String) read.get(3), (String) read.get(4));
  }

  WebDriver driver() {
    return driver;
  }

  /** Writes a screenshot of the page, cut below its content. */
  Path screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(driver.getScreenshotAs(OutputType.BYTES)));
    long bottom = (Long) driver.executeScript("return Math.ceil(document.querySelector('main').getBoundingClientRect().bottom * devicePixelRatio);");
    int height = (int) Math.min(shot.getHeight(), Math.max(1, bottom));
    ImageIO.write(shot.getSubimage(0, 0, shot.getWidth(), height), "png", file.toFile());
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
