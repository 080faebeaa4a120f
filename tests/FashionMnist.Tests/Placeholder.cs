namespace FashionMnist.Tests;
